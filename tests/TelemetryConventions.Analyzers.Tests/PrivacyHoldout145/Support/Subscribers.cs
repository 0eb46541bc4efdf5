namespace Telco.Subscribers;

// The shapes of the operator's subscriber API as the services use them. Records print their members.

/// <summary>A subscriber. Prints account number, subscriber id, MSISDN, names, email, date of birth, postcode, tariff and status.</summary>
public sealed record Subscriber(
    string AccountNumber,
    Guid SubscriberId,
    string Msisdn,
    string FirstName,
    string LastName,
    string Email,
    DateOnly DateOfBirth,
    string Postcode,
    string TariffCode,
    string Status);

/// <summary>A tariff. Prints code, name, monthly price, data allowance and whether roaming is included.</summary>
public sealed record Tariff(string TariffCode, string Name, decimal MonthlyPrice, int DataAllowanceMb, bool RoamingIncluded);

public interface ISubscriberDirectory
{
    Task<Subscriber?> FindByMsisdnAsync(string msisdn, CancellationToken cancellationToken = default);

    Task<Subscriber?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<Tariff> TariffAsync(string tariffCode, CancellationToken cancellationToken = default);
}

/// <summary>Sends texts and emails to subscribers; not telemetry.</summary>
public interface ISubscriberMessenger
{
    Task SendSmsAsync(string msisdn, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No subscriber has that number; quotes the MSISDN.</summary>
public sealed class SubscriberNotFoundException(string msisdn) : Exception($"No subscriber for MSISDN {msisdn}");

/// <summary>The account is suspended; quotes the account number and the reason code.</summary>
public sealed class AccountSuspendedException(string accountNumber, string reasonCode) : Exception($"Account {accountNumber} is suspended ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The credit reference agency declined; quotes the decision code.</summary>
public sealed class CreditCheckDeclinedException(string decisionCode) : Exception($"Credit check declined with decision {decisionCode}")
{
    public string DecisionCode { get; } = decisionCode;
}
