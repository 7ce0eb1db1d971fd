import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";

/** Shown when the content folder holds no loadable program. */
export function NoContent() {
  return (
    <>
      <PageHeader title="No program content found" />
      <div className="prose max-w-2xl">
        <p>
          The app found no valid program in its content folder (<code>content/</code>, or the folder named by{" "}
          <code>CONTENT_DIR</code>). Each program is a folder with a <code>program.md</code>, a <code>modules/</code> folder and an{" "}
          <code>exercises/</code> folder.
        </p>
        <ul>
          <li>
            Run <code>npm run content:check</code> to see what is wrong with the files that are there.
          </li>
          <li>
            Scaffold a new program with <code>npm run program:new -- --slug my-program --domain &quot;My domain&quot;</code>.
          </li>
          <li>
            The <Link href="/author">authoring page</Link> lists every content problem the app found.
          </li>
        </ul>
      </div>
    </>
  );
}
