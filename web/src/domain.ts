// The contract's value lists, from the zod-free entry point of @mandate/shared (keeps zod out of the bundle).
export { ACTION_STATUSES, DOCUMENT_KINDS, DOCUMENT_STATUSES, SUGGESTION_STATUSES } from '@mandate/shared/constants';
