namespace Fedi.Core.Federation.Availability;

/// <summary>A known remote domain as operators review it: its accounts here, how many of them follow someone local,
/// and its delivery health.</summary>
public sealed record DeliveryDomain(
    string Domain, long Accounts, long Followers, DateTime? LastSuccessAt, int FailureDays, DateTime? UnavailableSince);
