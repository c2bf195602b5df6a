/** An entry of the admin navigation: a screen of the route table (web/src/main.tsx) with a `nav` label. */
export interface AdminLink {
  pattern: string;
  label: string;
}

/** The admin screens, one link each; the current one is the one whose pattern starts the path. */
export function AdminNav({ links, path }: { links: readonly AdminLink[]; path: string }) {
  return (
    <nav class="tabs admin-nav" aria-label="Admin sections">
      {links.map((link) => (
        <a key={link.pattern} href={`#${link.pattern}`} aria-current={path === link.pattern || path.startsWith(`${link.pattern}/`) ? "page" : undefined}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
