import { paths } from '../paths';

export function NotFoundPage() {
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>
        There is no such page in the dashboard. <a href={paths.deliveries()}>See the deliveries.</a>
      </p>
    </>
  );
}
