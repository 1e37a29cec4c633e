// Fetches the Pact core (libpact_ffi) for every platform it is published for on npm, at the version and with the
// integrity hash that package-lock.json records, and lays each library out as .NET's runtimes/<rid>/native/ folders.
// The binaries are never committed: the build and pack of Kernel.Contracts.Pact run this when the folder is missing.
//
//   node fetch-pact-core.mjs <package-lock.json> <output folder>
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// npm package suffix → .NET runtime identifier, the file inside the tarball and the name it ships under.
const platforms = [
  { npm: "linux-x64-glibc", rid: "linux-x64", from: "prebuilds/linux-x64/libpact_ffi.so", to: "libpact_ffi.so" },
  { npm: "linux-arm64-glibc", rid: "linux-arm64", from: "prebuilds/linux-arm64/libpact_ffi.so", to: "libpact_ffi.so" },
  { npm: "linux-x64-musl", rid: "linux-musl-x64", from: "prebuilds/linux-x64/libpact_ffi_musl.so", to: "libpact_ffi.so" },
  { npm: "linux-arm64-musl", rid: "linux-musl-arm64", from: "prebuilds/linux-arm64/libpact_ffi_musl.so", to: "libpact_ffi.so" },
  { npm: "darwin-x64", rid: "osx-x64", from: "prebuilds/darwin-x64/libpact_ffi.dylib", to: "libpact_ffi.dylib" },
  { npm: "darwin-arm64", rid: "osx-arm64", from: "prebuilds/darwin-arm64/libpact_ffi.dylib", to: "libpact_ffi.dylib" },
  { npm: "windows-x64", rid: "win-x64", from: "prebuilds/win32-x64/pact_ffi.dll", to: "pact_ffi.dll" },
];

const [lockPath, output] = process.argv.slice(2);
if (!lockPath || !output) {
  console.error("usage: node fetch-pact-core.mjs <package-lock.json> <output folder>");
  process.exit(2);
}

const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const work = mkdtempSync(join(tmpdir(), "pact-core-"));
const manifest = [];
try {
  for (const platform of platforms) {
    const name = `@pact-foundation/pact-core-${platform.npm}`;
    const locked = lock.packages?.[`node_modules/${name}`];
    if (!locked?.version || !locked?.integrity?.startsWith("sha512-")) {
      throw new Error(`${lockPath} has no version and sha512 integrity for ${name}: add it to optionalDependencies and run npm install.`);
    }

    const tarball = JSON.parse(execFileSync("npm", ["pack", `${name}@${locked.version}`, "--json", "--pack-destination", work],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], shell: process.platform === "win32" }))[0].filename;
    const path = join(work, tarball.replace(/^@/, "").replace("/", "-"));
    const actual = "sha512-" + createHash("sha512").update(readFileSync(path)).digest("base64");
    if (actual !== locked.integrity) {
      throw new Error(`${name}@${locked.version}: the tarball's hash ${actual} is not the one package-lock.json records (${locked.integrity}).`);
    }

    const unpacked = join(work, platform.npm);
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", path, "-C", unpacked], { stdio: "inherit" });
    const target = join(output, platform.rid, "native");
    mkdirSync(target, { recursive: true });
    copyFileSync(join(unpacked, "package", platform.from), join(target, platform.to));
    manifest.push(`${platform.rid}\t${name}@${locked.version}\t${locked.integrity}`);
    console.log(`pact core: ${name}@${locked.version} → ${platform.rid}/native/${platform.to}`);
  }

  // Written last: its presence means every platform is complete.
  writeFileSync(join(output, "pact-core.tsv"), manifest.join("\n") + "\n");
} finally {
  rmSync(work, { recursive: true, force: true });
}
