using Fedi.Core.Errors;
using Fedi.Core.Streams;
using Npgsql;

namespace Fedi.Core.Filters;

/// <summary>What every change to a filter shares: applying <c>keywords_attributes</c> inside its transaction, and
/// telling the account's streams afterwards.</summary>
public sealed class FilterChanges(FilterRuleStore rules, StreamPublisher streams)
{
    public async Task ApplyKeywordsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CustomFilter filter,
        IReadOnlyList<KeywordInput> keywords, CancellationToken ct)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Id is not { } id)
            {
                if (keyword.Destroy) continue;
                FilterRules.CheckKeyword(keyword.Keyword ?? "");
                await rules.InsertKeywordAsync(connection, transaction, filter.Id, keyword.Keyword!, keyword.WholeWord ?? true, ct);
            }
            else if (keyword.Destroy)
            {
                await rules.DeleteKeywordAsync(connection, transaction, id, filter.AccountId, ct);
            }
            else
            {
                if (keyword.Keyword is { } text) FilterRules.CheckKeyword(text);
                if (await rules.UpdateKeywordAsync(connection, transaction, id, filter.AccountId, filter.Id, keyword.Keyword, keyword.WholeWord, ct) is null)
                    throw ApiException.NotFound();
            }
        }
    }

    public Task PublishAsync(long accountId) => streams.PublishFiltersChangedAsync(accountId);
}
