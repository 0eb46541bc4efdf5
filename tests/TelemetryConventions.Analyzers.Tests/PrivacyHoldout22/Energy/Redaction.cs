using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout22.Energy;

/// <summary>
/// The billing team's redaction helpers, used in log and span code across the supplier's services.
/// Account numbers are ten digits; meter serials start with a three-letter model prefix.
/// </summary>
public static class Redact
{
    /// <summary>Keeps the model prefix of a meter serial (<c>EML*******</c>).</summary>
    public static string MeterSerial(string serial) =>
        serial.Length <= 3 ? new string('*', serial.Length) : serial[..3] + new string('*', serial.Length - 3);

    /// <summary>Meant to keep the last four digits; it masks the first four and keeps the other six.</summary>
    public static string AccountNumber(string accountNumber) =>
        accountNumber.Length <= 4 ? "****" : "****" + accountNumber[4..];

    /// <summary>Keeps the domain of an email (<c>***@example.org</c>).</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? "***" : "***" + email[at..];
    }

    /// <summary>"Anonymises" an account for correlating log lines: the first 16 hex characters of its SHA-256.</summary>
    public static string Correlation(string accountNumber) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber)))[..16];
}

/// <summary>A keyed correlation value, for the same purpose as <see cref="Redact.Correlation"/>.</summary>
public sealed class AccountCorrelation(TelemetrySecrets secrets)
{
    public string Of(string accountNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber)))[..16];
}

public sealed record TariffSwitch(string AccountNumber, string MeterSerial, string ContactEmail, string FromTariff, string ToTariff);

/// <summary>Switches tariffs and logs it, through every helper above.</summary>
public sealed class TariffSwitchLogger(ILogger<TariffSwitchLogger> logger, IRedactorProvider redactors, AccountCorrelation correlation)
{
    private static readonly DataClassificationSet Private = new(DataTaxonomy.PrivateData);

    public void Switched(TariffSwitch change)
    {
        var redactor = redactors.GetRedactor(Private);
        logger.LogInformation("Tariff switched {From} -> {To} on meter {Meter}", change.FromTariff, change.ToTariff, Redact.MeterSerial(change.MeterSerial)); // clean precision-about
        logger.LogInformation("Tariff switched for account {Account}", Redact.AccountNumber(change.AccountNumber)); // leak TC1001 cross-member
        logger.LogInformation("Confirmation sent to {Contact}", Redact.Email(change.ContactEmail)); // clean precision-about
        logger.LogInformation("Switch correlated as {Correlation}", Redact.Correlation(change.AccountNumber)); // leak TC1002 hashes
        logger.LogInformation("Switch correlated as {Correlation}", correlation.Of(change.AccountNumber)); // clean hashes
        logger.LogInformation("Switch for account {Account}", redactor.Redact(change.AccountNumber)); // clean precision-pseudonym
        logger.LogDebug("Switch request {@Switch}", change with { AccountNumber = redactor.Redact(change.AccountNumber) }); // leak TC1001 logging-objects
    }
}
