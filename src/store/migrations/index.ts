import { InitialSchema1764201600000 } from './1764201600000-initial-schema';
import { DeliveryBodies1795910400000 } from './1795910400000-delivery-bodies';
import { PlanOnArrival1795996800000 } from './1795996800000-plan-on-arrival';
import { BodyCompressionLz41796083200000 } from './1796083200000-body-compression-lz4';
import { HandshakeSecrets1796256000000 } from './1796256000000-handshake-secrets';
import { ReplayTokens1796342400000 } from './1796342400000-replay-tokens';
import { DeliveryReplies1796500000000 } from './1796500000000-delivery-replies';
import { RunAttempts1796600000000 } from './1796600000000-run-attempts';
import { EndpointIdsPerProvider1796700000000 } from './1796700000000-endpoint-ids-per-provider';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  InitialSchema1764201600000,
  DeliveryBodies1795910400000,
  PlanOnArrival1795996800000,
  BodyCompressionLz41796083200000,
  HandshakeSecrets1796256000000,
  ReplayTokens1796342400000,
  DeliveryReplies1796500000000,
  RunAttempts1796600000000,
  EndpointIdsPerProvider1796700000000,
];
