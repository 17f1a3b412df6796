using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Links;

namespace SiteGen.Tests.Links;

/// <summary>
/// The resolver removes dot segments itself, in place; on generated relative and root-absolute links it lands where
/// <see cref="Uri"/> resolves the same link against the page (RFC 3986), a folder standing for its index.html.
/// </summary>
public sealed class LinkResolverPropertyTests
{
    private static readonly Gen<string> Href =
        from absolute in Gen.Elements(false, false, true)
        from segments in Gen.Elements("a", "b", "..", ".", "x.md", "caf%C3%A9", "p-1").ListOf()
        from slash in Gen.Elements("", "/")
        from tail in Gen.Elements("", "", "#top", "?page=2")
        select (absolute ? "/" : "") + string.Join('/', segments) + (segments.Count > 0 ? slash : "") + tail;

    private static readonly Gen<string> PageOf = Gen.Elements("index.html", "404.html", "papers/x/index.html", "tags/a/page/2/index.html");

    [Property(MaxTest = 2000)]
    public Property LandsWhereAUriResolvesTheLink() =>
        Prop.ForAll(Arb.From(PageOf), Arb.From(Href), (page, href) =>
        {
            var resolved = LinkResolver.Resolve(page, href, "/", out var outside);
            var uri = new Uri(new Uri("https://example.org/" + page), href);
            var path = Uri.UnescapeDataString(uri.AbsolutePath)[1..];
            var expected = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
            // Uri stops at the root where the resolver counts the climbs out of the site; a link with no path is the page itself.
            return (href.Length == 0 || href[0] is '#' or '?' ? resolved is null : outside || resolved == expected)
                .Label($"page {page}, href {href}: resolver {resolved} (outside {outside}), Uri {expected}");
        });
}
