using Fedi.Core.Configuration;
using Fedi.Core.Errors;

namespace Fedi.Core.Polls;

/// <summary>Mastodon's PollValidator: the option count, each option's length, no duplicates, and an expiry in bounds.</summary>
public sealed class PollRules(ComposeOptions options)
{
    public void Validate(NewPoll poll)
    {
        var errors = new List<FieldError>();
        if (poll.Options.Count < 2) errors.Add(Error("ERR_TOO_SHORT", "must have more than one item"));
        if (poll.Options.Count > options.MaxPollOptions) errors.Add(Error("ERR_TOO_LONG", $"can't contain more than {options.MaxPollOptions} items"));
        if (poll.Options.Any(string.IsNullOrWhiteSpace)) errors.Add(Error("ERR_BLANK", "can't be blank"));
        if (poll.Options.Any(o => o.Length > options.MaxPollOptionChars))
            errors.Add(Error("ERR_TOO_LONG", $"cannot be longer than {options.MaxPollOptionChars} characters each"));
        if (poll.Options.Select(o => o.Trim()).Distinct().Count() < poll.Options.Count) errors.Add(Error("ERR_TAKEN", "contain duplicate items"));
        if (poll.ExpiresInSeconds is not { } seconds) errors.Add(new FieldError("poll", "ERR_BLANK", "Poll expires at", "can't be blank"));
        else if (seconds < options.PollMinExpiresIn.TotalSeconds) errors.Add(new FieldError("poll", "ERR_TOO_SHORT", "Poll expires at", "is too soon"));
        else if (seconds > options.PollMaxExpiresIn.TotalSeconds)
            errors.Add(new FieldError("poll", "ERR_TOO_LONG", "Poll expires at", "is too far into the future"));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static FieldError Error(string code, string message) => new("poll", code, "Poll options", message);
}
