import { getSessionInfo } from "../utils/auth";

export default defineEventHandler((event) =>
  getSessionInfo(toWebRequest(event)),
);
