namespace PrivacyHoldout131.Education;

public sealed record WithdrawalRefund(
    string StudentNumber,
    string WithdrawalId,
    string CourseCode,
    decimal FeesPaid,
    decimal LiabilityPercent,
    string PaymentId,
    string PayerEmail,
    BankDetails? PayerBank,
    bool RefundToAccount);

/// <summary>
/// When a self-funded student withdraws, works out the fee liability for the term and refunds the rest to
/// whoever paid (a card on the student portal or a parent's bank transfer) or leaves it as credit on the
/// student's fee account.
/// </summary>
public sealed partial class TuitionFeeRefundService(
    IRefundGateway gateway,
    IStoreCreditLedger feeAccount,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TuitionFeeRefundService> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.Refunds");
    private static readonly Meter Meter = new("University.Fees.Refunds");
    private static readonly Histogram<double> Refunded = Meter.CreateHistogram<double>("fees.refund.amount", "GBP");
    private readonly FeerefundRefundsCounter _refunds = Meter.CreateFeerefundRefundsCounter();

    public async Task<string> RefundAsync(WithdrawalRefund request, CancellationToken ct)
    {
        using var span = Source.StartFeerefundCase(request.WithdrawalId);
        span.SetFeerefundClaimantId(pseudonymizer.PseudonymizeFeerefundClaimantId(request.StudentNumber)); // clean precision-pseudonym
        var due = Math.Round(request.FeesPaid * (1 - request.LiabilityPercent / 100m), 2);
        span.SetFeerefundAmount((double)due); // clean precision-about
        Activity.Current?.SetTag("fees.course", request.CourseCode); // clean precision-names
        Activity.Current?.SetTag("fees.liability_percent", request.LiabilityPercent); // clean precision-about
        Activity.Current?.SetTag("fees.student", request.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("fees.payer_domain", request.PayerEmail[(request.PayerEmail.IndexOf('@') + 1)..]); // clean precision-about

        if (request.RefundToAccount)
        {
            var credit = await feeAccount.IssueAsync(request.StudentNumber, due, "withdrawal", ct);
            logger.LogInformation("Left {Amount} as credit {CreditId} on fee account {Holder}", credit.Amount, credit.CreditId, credit.HolderRef); // leak TC1001 cross-member
            _refunds.Add(1, request.CourseCode, "credited"); // clean generated-api
            return credit.CreditId;
        }

        if (request.PayerBank is { } bank)
        {
            try
            {
                var payout = await gateway.PayoutAsync(bank, due, $"UNIREFUND {request.StudentNumber}", ct);
                logger.LogInformation("Paid {Amount} to {Bank}", due, bank); // leak TC1001 logging-objects
                logger.LogInformation("Payout {RefundId} to sort code {SortCode}", payout.RefundId, bank.SortCode); // clean precision-about
                LogPayoutToHolder(logger, payout.RefundId, bank.AccountName); // leak TC1001 direct
                LogPayoutHolderRedacted(logger, payout.RefundId, bank.AccountName); // clean logging-objects
                return payout.RefundId;
            }
            catch (PayoutRejectedException ex)
            {
                logger.LogError(ex, "Payout for withdrawal {WithdrawalId} rejected", request.WithdrawalId); // leak TC1001 exceptions
                span.SetFeerefundOutcome(ex.ReasonCode); // clean exceptions
                throw;
            }
        }

        var refund = await gateway.RefundAsync(
            new RefundRequest(request.PaymentId, due, "GBP", RefundDestination.OriginalPayment, request.WithdrawalId, new Dictionary<string, string> { ["course"] = request.CourseCode }),
            ct);
        Refunded.Record((double)refund.Amount, new KeyValuePair<string, object?>("course", request.CourseCode)); // clean precision-names
        Refunded.Record((double)refund.Amount, new KeyValuePair<string, object?>("payer", request.PayerEmail)); // leak TC1003 direct
        var cohort = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.StudentNumber)))[..6];
        logger.LogDebug("Refund {RefundId} in cohort {Cohort}", refund.RefundId, cohort); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.StudentNumber))[1] % 4;
        logger.LogDebug("Refund {RefundId} reconciled on lane {Lane}", refund.RefundId, lane); // clean hashes
        return refund.RefundId;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Payout {RefundId} sent to account holder {AccountName}")]
    private static partial void LogPayoutToHolder(ILogger logger, string refundId, string accountName);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Payout {RefundId} sent to account holder {AccountName}")]
    private static partial void LogPayoutHolderRedacted(ILogger logger, string refundId, [PrivateData] string accountName);
}
