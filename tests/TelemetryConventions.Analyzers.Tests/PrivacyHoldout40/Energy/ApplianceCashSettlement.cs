using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Energy;

/// <summary>An appliance the engineer could not repair is settled in cash, paid to the customer's bank account.</summary>
public sealed record CashSettlement(string ClaimId, string PolicyNumber, string AccountNumber, string PayeeName, string SortCode, string BankAccountNumber, decimal ReplacementValue, decimal Excess);

/// <summary>Thrown when Confirmation of Payee says the account belongs to someone else.</summary>
public sealed class PayeeMismatchException(string payeeName, string? actualName)
    : Exception($"Account is not in the name of {payeeName} (bank returned '{actualName}')");

public sealed class ApplianceCashSettlementHandler(
    IConfirmationOfPayee confirmationOfPayee,
    IFasterPaymentsClient payments,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ApplianceCashSettlementHandler> logger)
{
    public async Task<string?> SettleAsync(CashSettlement settlement, CancellationToken cancellationToken)
    {
        using var span = source.StartCoverClaim("appliance", CoverClaimStage.Settlement);
        span.SetCoverClaimId(settlement.ClaimId);
        span.SetCoverExcessAmount((double)settlement.Excess); // clean generated-api
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(settlement.AccountNumber));
        span.Activity?.SetTag("payout.sort_code", settlement.SortCode); // clean precision-about
        span.Activity?.SetTag("payout.account_last2", settlement.BankAccountNumber[^2..]); // clean precision-about

        try
        {
            var cop = await confirmationOfPayee.CheckAsync(settlement.SortCode, settlement.BankAccountNumber, settlement.PayeeName, cancellationToken);
            span.Activity?.SetTag("payout.cop.result", cop.Match.ToString());
            span.Activity?.SetTag("payout.cop.reason", cop.ReasonCode); // clean direct
            if (cop.Match == CopMatch.CloseMatch)
            {
                logger.LogInformation("Close match for claim {ClaimId}: the bank holds the account as {ActualName}", settlement.ClaimId, cop.ActualAccountName); // leak TC1001 direct
            }
            else if (cop.Match == CopMatch.NoMatch)
            {
                throw new PayeeMismatchException(settlement.PayeeName, cop.ActualAccountName);
            }

            var amount = settlement.ReplacementValue - settlement.Excess;
            var reference = $"HOMECARE {settlement.PolicyNumber}";
            var result = await payments.PayAsync(new PaymentInstruction(settlement.SortCode, settlement.BankAccountNumber, settlement.PayeeName, amount, reference), cancellationToken);
            span.Activity?.SetTag("payout.payment_id", result.PaymentId);
            span.Activity?.SetTag("payout.reference", reference); // leak TC1001 strings
            meter.CreateCoverPayoutAmountHistogram().Record((double)amount, "appliance", coverOutcome: "cash-settled");
            return result.PaymentId;
        }
        catch (PayeeMismatchException ex)
        {
            span.RecordException(ex, "payee check failed", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Claim {ClaimId} held: payee does not match, sent to the payments team", settlement.ClaimId); // clean exceptions
            meter.CreateCoverClaimsCounter().Add(1, "appliance", coverClaimStage: CoverClaimStage.Settlement, coverOutcome: "held:" + settlement.AccountNumber); // leak TC1003 generated-api
            return null;
        }
        catch (PaymentRejectedException ex)
        {
            span.RecordException(ex, "payment rejected", includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Payment for claim {ClaimId} rejected with {Code}", settlement.ClaimId, ex.Code); // clean exceptions
            return null;
        }
    }
}
