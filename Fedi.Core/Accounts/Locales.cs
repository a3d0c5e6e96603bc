namespace Fedi.Core.Accounts;

/// <summary>The interface locales Mastodon ships (config/locales), which a user's locale must be one of.</summary>
public static class Locales
{
    public static readonly IReadOnlySet<string> Available = new HashSet<string>(
        """
        af an ar ast az be bg bn br bs ca ckb co cs cy da de el en-GB en eo es-AR es-MX es et eu fa fi fil fo fr-CA fr
        fy ga gd gl he hi hr hu hy ia id ie ig io is it ja ka kab kk kn ko ku kw la lad lt lv mk ml mr ms my nan-TW ne
        nl nn no oc pa pl pt-BR pt-PT ro ru ry sa sc sco si sk sl sq sr-Latn sr sv szl ta tai te th tlh tok tr tt ug
        uk ur uz vi zgh zh-CN zh-HK zh-TW
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
