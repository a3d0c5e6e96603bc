using System.Text.RegularExpressions;

namespace Fedi.Architecture.Tests;

/// <summary>
/// One C# file of a product project, read as text: its folder (the first path segment under the project, "." for
/// the project's root) and the folders of the same project it refers to — through <c>using Fedi.X.Folder…;</c>
/// lines and through qualified names such as <c>Fedi.Core.Accounts.AccountStore</c> or <c>Core.Accounts.AccountStore</c>.
/// Parsing the text (rather than the compiled IL) keeps the rule as plain as the code it guards: a file must say
/// what it uses before it can use it, and the compiler sees to the rest.
/// </summary>
public sealed partial record SourceFile(string Project, string RelativePath, string Text)
{
    public string Folder => RelativePath.Contains('/') ? RelativePath[..RelativePath.IndexOf('/')] : ".";

    /// <summary>The namespace its folder implies: <c>Fedi.Core/ClientApi/Rendering/X.cs</c> → <c>Fedi.Core.ClientApi.Rendering</c>.</summary>
    public string ExpectedNamespace =>
        string.Join('.', new[] { Project }.Concat(RelativePath.Split('/')[..^1]));

    public string? DeclaredNamespace => NamespaceLine().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Folders of this project the file refers to, other than its own.</summary>
    public IEnumerable<string> ReferencedFolders()
    {
        var prefix = Regex.Escape(Project) + @"\.";
        var shortPrefix = Regex.Escape(Project[(Project.IndexOf('.') + 1)..]) + @"\.";
        var usings = Regex.Matches(Text, $@"^using (?:static )?(?:\w+ = )?{prefix}(\w+)", RegexOptions.Multiline);
        var qualified = Regex.Matches(Text, $@"(?<![\w.])(?:{prefix}|{shortPrefix})([A-Z]\w*)\.[A-Z]");
        return usings.Concat(qualified).Select(m => m.Groups[1].Value).Where(f => f != Folder).Distinct();
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
