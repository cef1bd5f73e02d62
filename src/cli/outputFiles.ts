import { promises as fs, constants as fsConstants } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { FallbilanzError } from "../core/errors";

/**
 * The files the command line writes: checked before the long work starts,
 * written under temporary names, and renamed only when all of them are
 * complete. A failure leaves no output file and no temporary file.
 */
export class OutputFiles {
  private readonly pending: { readonly tmp: string; readonly path: string }[] = [];

  /** Refuses, in German, a target that cannot be written, before anything is read. */
  static async check(paths: readonly (string | undefined)[], input: string): Promise<void> {
    const targets = paths.filter((p): p is string => p !== undefined);
    for (const path of targets) {
      if (await sameFile(path, input)) {
        throw new FallbilanzError("badArgument", "Die Ausgabe darf die Arbeitsmappe des Teams nicht überschreiben. Bitte einen anderen Dateinamen angeben.");
      }
      await checkTarget(path);
    }
    if (targets.length === 2 && (await sameFile(targets[0], targets[1]))) {
      throw new FallbilanzError("badArgument", "„--out“ und „--json“ nennen dieselbe Datei. Bitte zwei verschiedene Dateinamen angeben.");
    }
  }

  /** Writes one file under a temporary name beside its target. */
  async write(path: string, writeTo: (tmp: string) => Promise<void>): Promise<void> {
    // A short temporary name of fixed length: a target name near the system's limit must not fail on it.
    const tmp = resolve(dirname(path), `.fallbilanz-${process.pid}-${this.pending.length}.tmp`);
    this.pending.push({ tmp, path });
    try {
      await writeTo(tmp);
    } catch (error) {
      throw asWriteProblem(error, path);
    }
  }

  /** Renames every written file to its target. */
  async commit(): Promise<void> {
    for (const { tmp, path } of this.pending) {
      try {
        await fs.rename(tmp, path);
      } catch (error) {
        throw asWriteProblem(error, path);
      }
    }
    this.pending.length = 0;
  }

  /** Removes what was not committed. */
  async discard(): Promise<void> {
    await Promise.all(this.pending.map(({ tmp }) => fs.rm(tmp, { force: true })));
    this.pending.length = 0;
  }
}

/** The longest file name (in bytes) common file systems accept. */
const MAX_NAME_BYTES = 255;

/**
 * Whether two paths name one file: the same file on disk (device and inode,
 * through any symbolic link, mapped drive or spelling), or, where neither
 * exists yet, the same real path.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino && (sa.ino !== 0 || (await realPath(a)) === (await realPath(b)));
  return (await realPath(a)) === (await realPath(b));
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realPath(path: string): Promise<string> {
  const full = resolve(path);
  const real = await fs.realpath(full).catch(() => undefined);
  if (real) return real;
  const folder = await fs.realpath(dirname(full)).catch(() => dirname(full));
  return resolve(folder, basename(full));
}

async function checkTarget(path: string): Promise<void> {
  if (Buffer.byteLength(basename(resolve(path)), "utf8") > MAX_NAME_BYTES) {
    throw new FallbilanzError("cannotWrite", `Der Dateiname „${basename(path).slice(0, 40)}…“ ist zu lang. Bitte einen kürzeren Namen angeben.`);
  }
  const folder = dirname(resolve(path));
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new FallbilanzError("cannotWrite", `Den Ordner „${dirname(path)}“ gibt es nicht. Bitte einen vorhandenen Ordner angeben.`);
  }
  const targetStat = await fs.stat(path).catch(() => undefined);
  if (targetStat?.isDirectory()) {
    throw new FallbilanzError("cannotWrite", `„${path}“ ist ein Ordner. Bitte einen Dateinamen angeben, z. B. „${path.replace(/[\\/]+$/, "")}/Jahresrückblick.xlsx“.`);
  }
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    throw new FallbilanzError("cannotWrite", `In den Ordner „${dirname(path)}“ darf nicht geschrieben werden. Bitte einen anderen Ordner angeben.`);
  }
}

/** File-system errors while writing, in German; anything else stays a bug. */
function asWriteProblem(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EBUSY":
    case "EPERM":
    case "EACCES":
      return new FallbilanzError("cannotWrite", `„${path}“ kann nicht geschrieben werden. Ist die Datei noch in Excel geöffnet? Bitte schließen und erneut versuchen.`);
    case "ENOSPC":
    case "EDQUOT":
      return new FallbilanzError("cannotWrite", `Für „${path}“ ist auf dem Laufwerk kein Platz mehr. Bitte Platz schaffen oder einen anderen Ordner angeben.`);
    case "ENAMETOOLONG":
      return new FallbilanzError("cannotWrite", `Der Pfad „${path}“ ist zu lang. Bitte einen kürzeren Namen oder Ordner angeben.`);
    case "ENOENT":
    case "ENOTDIR":
      return new FallbilanzError("cannotWrite", `„${path}“ kann in diesem Ordner nicht angelegt werden. Bitte einen anderen Ordner angeben.`);
    default:
      return error;
  }
}
