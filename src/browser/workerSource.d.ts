/** The worker's bundle as text (webpack: the `browserWorker` build, loaded as `asset/source` in a chunk of its own). */
declare module "fallbilanz-worker-source" {
  const code: string;
  export default code;
}
