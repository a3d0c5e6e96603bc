using System.Globalization;
using System.Text.Json;
using Fedi.Core.Relationships;

namespace Fedi.Streaming.Filtering;

/// <summary>
/// The accounts a status event involves, read once per event from its payload: the author, the mentioned
/// accounts, and for a reblog the original's author and mentions; plus the authors' domains (from
/// <c>acct</c>, remote when it has an @). Unreadable payloads involve nobody.
/// </summary>
public sealed class StatusParties
{
    public static readonly StatusParties Nobody = new();

    /// <summary>The reblogger (or author) and the reblogged author: a block by either hides the status from its blocked viewer.</summary>
    public List<long> Authors { get; } = [];

    /// <summary>Authors and mentioned accounts: a block or mute of any of them hides the status.</summary>
    public List<long> Accounts { get; } = [];

    public List<string> Domains { get; } = [];

    public static StatusParties Read(string? payload)
    {
        if (payload is null) return Nobody;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Nobody;
            var parties = new StatusParties();
            parties.Add(root);
            if (root.TryGetProperty("reblog", out var reblog) && reblog.ValueKind == JsonValueKind.Object) parties.Add(reblog);
            return parties;
        }
        catch (JsonException)
        {
            return Nobody;
        }
    }

    private void Add(JsonElement status)
    {
        if (status.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object)
        {
            if (IdOf(account) is { } authorId)
            {
                Authors.Add(authorId);
                Accounts.Add(authorId);
            }
            if (account.TryGetProperty("acct", out var acct) && acct.ValueKind == JsonValueKind.String
                && BlockedDomain.OfAcct(acct.GetString()) is { } domain)
                Domains.Add(domain);
        }
        if (status.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array)
        {
            foreach (var mention in mentions.EnumerateArray())
                if (mention.ValueKind == JsonValueKind.Object && IdOf(mention) is { } mentionedId) Accounts.Add(mentionedId);
        }
    }

    /// <summary>Ids are strings in Mastodon's JSON; a number is accepted too.</summary>
    private static long? IdOf(JsonElement entity)
    {
        if (!entity.TryGetProperty("id", out var id)) return null;
        return id.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            JsonValueKind.Number when id.TryGetInt64(out var value) => value,
            _ => null,
        };
    }
}
