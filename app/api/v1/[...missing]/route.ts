import { ApiProblem, problemResponse } from "@/lib/api/problem";

// Any other path under /api/v1: a problem+json 404 (not the HTML page), whatever the method.
const notFound = () =>
  problemResponse(new ApiProblem("not-found", "There is no such endpoint. The reference is at /docs/api."));
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
