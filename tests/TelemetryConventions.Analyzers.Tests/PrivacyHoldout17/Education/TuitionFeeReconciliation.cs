using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout17.Education;

/// <summary>One credit on the university's fees account, as the bank's camt.053 statement gives it.</summary>
public sealed record StatementCredit(
    string BankReference,
    string EndToEndId,
    DateOnly BookingDate,
    decimal Amount,
    string Currency,
    string DebtorName,
    string DebtorIban,
    string RemittanceInformation);

public sealed record BankStatement(string StatementId, string AccountIban, DateOnly From, DateOnly To, IReadOnlyList<StatementCredit> Credits);

public interface IFeeLedger
{
    Task<bool> ApplyAsync(string studentNumber, decimal amount, string bankReference, CancellationToken cancellationToken);
}

/// <summary>
/// Matches incoming bank transfers to students' fee accounts. Students are asked to quote their
/// student number as the payment reference; parents and sponsors often quote something else.
/// </summary>
public sealed class TuitionFeeReconciliation(IFeeLedger ledger, Pseudonymizer pseudonymizer, Meter meter, ILogger<TuitionFeeReconciliation> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.Reconciliation");
    private static readonly Regex StudentNumberPattern = new(@"\b[0-9]{8}\b", RegexOptions.Compiled);

    private readonly Counter<long> _unmatched = meter.CreateCounter<long>("fees.credits.unmatched", "{credit}");
    private readonly Counter<long> _matched = meter.CreateCounter<long>("fees.credits.matched", "{credit}");

    public async Task ReconcileAsync(BankStatement statement, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fees.statement.reconcile");
        activity?.SetTag("statement.account_iban", statement.AccountIban); // clean precision-names

        foreach (var credit in statement.Credits)
        {
            var studentNumber = StudentReference().Match(credit.RemittanceInformation) is { Success: true } m ? m.Value : null;
            if (studentNumber is null)
            {
                logger.LogWarning("Unmatched credit {BankReference} of {Amount} {Currency}, remittance '{Remittance}'", credit.BankReference, credit.Amount, credit.Currency, credit.RemittanceInformation); // leak TC1001 direct
                _unmatched.Add(1, new KeyValuePair<string, object?>("fees.account", statement.AccountIban), new KeyValuePair<string, object?>("currency", credit.Currency)); // clean precision-names
                continue;
            }

            using var match = Source.StartActivity("fees.credit.match");
            match?.SetTag("fees.student_number", studentNumber); // leak TC1001 direct
            match?.SetTag("fees.payer_iban", credit.DebtorIban); // leak TC1001 direct
            match?.SetTag("fees.payer_bank", BankCodeOf(credit.DebtorIban)); // clean precision-about
            match?.SetTag("fees.end_to_end_id", credit.EndToEndId); // clean precision-names
            match?.SetTag(BillingAttributes.PayerId, pseudonymizer.ComputeBillingPayerId(studentNumber)); // clean precision-pseudonym

            var applied = await ledger.ApplyAsync(studentNumber, credit.Amount, credit.BankReference, cancellationToken);
            logger.LogInformation("Applied {Amount} {Currency} from {DebtorName} ({Applied})", credit.Amount, credit.Currency, credit.DebtorName, applied); // leak TC1001 direct
            _matched.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeBillingPayerId(studentNumber))); // leak TC1003 precision-pseudonym
            _matched.Add(1, new KeyValuePair<string, object?>("payer.country", credit.DebtorIban[..2])); // clean precision-about
        }
    }

    /// <summary>The country and bank code of an IBAN (<c>GB29NWBK…</c> gives <c>GB/NWBK</c>), which name the bank, not the account.</summary>
    private static string BankCodeOf(string iban) => iban.Length >= 8 ? $"{iban[..2]}/{iban[4..8]}" : "unknown";

    private static Regex StudentReference() => StudentNumberPattern;
}
