/** The methods a route table entry can list (HEAD and OPTIONS follow from them). */
export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
export type RouteMethod = (typeof ROUTE_METHODS)[number]
