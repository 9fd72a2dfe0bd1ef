import { codeReceiver } from '../shared/code/code-receiver';

/**
 * Kudu (Azure App Service deployment engine) post-deployment hooks sign nothing: the URL
 * carries ASP.NET's `?code=`. The JSON body describes the deployment; `type` is its `status`
 * (`success`, `failed`, …), as AspNetWebHooks KuduWebHookReceiver.cs reads it. `id` is the
 * deployment id, which Kudu takes from the commit (projectkudu/kudu wiki "Web hooks"), so a
 * redeployment of the same commit reuses it: the delivery id is a SHA-256 over `id`, `status`
 * and `endTime`, equal for a resent notification and different for another deployment.
 */
export const kuduReceiver = codeReceiver({
  name: 'kudu',
  title: 'Kudu',
  contentTypes: ['application/json'],
  body: 'json',
  type: { path: 'status' },
  id: { hashOf: ['id', 'status', 'endTime'] },
  occurredAt: { path: 'endTime' },
});
