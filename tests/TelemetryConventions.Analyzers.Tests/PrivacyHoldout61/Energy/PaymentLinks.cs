using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout61.Energy;

public interface IPaymentTokens
{
    /// <summary>Asks the payments API for a one-time payment token (<c>pt_…</c>) for an amount on an account.</summary>
    Task<string> IssueAsync(string accountNumber, decimal amount, CancellationToken cancellationToken);
}

public sealed class PaymentTokenRefusedException(string accountNumber, string reason)
    : Exception($"Payment token refused for account {accountNumber}: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Payment links printed on debt reminders, and the confirmations of Direct Debit set-ups.</summary>
public sealed class PaymentLinks(ILogger<PaymentLinks> logger, TelemetrySecrets secrets, IPaymentTokens tokens)
{
    private static readonly ActivitySource Source = new("BrightWatt.Billing.PaymentLinks");
    private static readonly Regex AccountShape = new(@"^\s*(\d{4})[\s-]?(\d{3})[\s-]?(\d{3})\s*$", RegexOptions.Compiled);

    public async Task<Uri?> ForDebtAsync(StatementRun run, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("bills.payment_link");

        var legacy = new UriBuilder("https", "pay.brightwatt.example") { Path = "legacy/pay", Query = $"acct={run.Account.Digits}&amt={run.Balance.Amount.ToString(CultureInfo.InvariantCulture)}" }.Uri;
        activity?.SetTag("bills.payment.legacy_url", legacy.AbsoluteUri); // leak TC1001 strings
        activity?.SetTag("bills.payment.legacy_host", legacy.Host); // clean precision-names

        string token;
        try
        {
            token = await tokens.IssueAsync(run.Account.Digits, run.Balance.Amount, cancellationToken);
        }
        catch (PaymentTokenRefusedException ex)
        {
            activity?.SetTag("bills.payment.refusal", ex.Reason); // clean exceptions
            logger.LogWarning(ex, "Payment token refused"); // leak TC1001 exceptions
            return null;
        }
        catch (HttpRequestException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }

        var link = new Uri(FormattableString.Invariant($"https://pay.brightwatt.example/p/{token}?src=letter&period={run.PeriodEnd:yyyyMM}"));
        activity?.SetTag("bills.payment.url", link.AbsoluteUri); // clean precision-names

        var matchRef = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(run.Account.Digits)))[..10].ToLowerInvariant();
        activity?.SetTag("bills.payment.match_ref", matchRef); // leak TC1002 hashes
        logger.LogInformation("Payment link issued for period {Period}, match ref {MatchRef}", run.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture), matchRef); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(run.Account.Digits)), 0, 5);
        activity?.SetTag("bills.payment.keyed_ref", keyed); // clean hashes
        return link;
    }

    /// <summary>Customers type their account number in many shapes: <c>1234-567-890</c>, <c>1234 567 890</c>.</summary>
    public SupplyAccountNumber? Normalise(string typed)
    {
        if (typed.Length == 10 && !typed.Contains(' ', StringComparison.Ordinal))
        {
            try
            {
                return new SupplyAccountNumber(long.Parse(typed, NumberStyles.None, CultureInfo.InvariantCulture).ToString("D10", CultureInfo.InvariantCulture));
            }
            catch (FormatException ex)
            {
                logger.LogDebug(ex, "Ten characters but not a plain account number"); // leak TC1001 exceptions
            }
        }

        var match = AccountShape.Match(typed);
        if (!match.Success)
        {
            logger.LogWarning("Unrecognised account number {Typed}", typed); // leak TC1001 direct
            logger.LogWarning("Unrecognised account number: {Length} characters, {Digits} digits", typed.Length, typed.Count(char.IsDigit)); // clean precision-about
            return null;
        }

        var digits = AccountShape.Replace(typed, "$1$2$3");
        Activity.Current?.SetTag("bills.account.normalised", digits); // leak TC1001 strings
        Activity.Current?.SetTag("bills.account.had_separators", digits.Length != typed.Trim().Length); // clean precision-about
        return new SupplyAccountNumber(digits);
    }

    public string DirectDebitConfirmation(string sortCode, string bankAccountNumber, Pounds monthly)
    {
        var formattedSort = sortCode.Insert(4, "-").Insert(2, "-");
        var text = $"Direct Debit of {monthly} a month from sort code {formattedSort}, account ending {bankAccountNumber[^2..]}.";
        Activity.Current?.SetTag("bills.dd.confirmation", text); // clean precision-about
        var mandate = string.Join(' ', "Mandate", formattedSort, bankAccountNumber);
        logger.LogInformation("Direct Debit set up: {Mandate}", mandate); // leak TC1001 strings
        return text;
    }
}
