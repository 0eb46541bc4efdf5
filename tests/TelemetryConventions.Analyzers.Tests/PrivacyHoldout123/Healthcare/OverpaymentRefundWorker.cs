namespace PrivacyHoldout123.Healthcare;

/// <summary>A patient's overpayment waiting to be refunded to their bank account.</summary>
public sealed record RefundInstruction(string HospitalNumber, string InvoiceNumber, decimal Amount, BankDetails Payee, string RequestedByStaffId);

/// <summary>Refunds patients' overpayments by Faster Payments after a Confirmation of Payee check.</summary>
public sealed class OverpaymentRefundWorker(IQueueReceiver<RefundInstruction> queue, IFasterPaymentsClient bank, Pseudonymizer pseudonymizer, ILogger<OverpaymentRefundWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.PatientAccounts.Refunds");
    private static readonly Meter Meter = new("Hospital.PatientAccounts.Refunds");
    private static readonly Counter<long> Refunds = Meter.CreateCounter<long>("ptbill.refunds");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var instruction = await queue.ReceiveAsync(stoppingToken);
            if (instruction is null)
            {
                continue;
            }
            await RefundAsync(instruction, stoppingToken);
        }
    }

    private async Task RefundAsync(RefundInstruction instruction, CancellationToken ct)
    {
        var patient = pseudonymizer.PseudonymizePtbillCustomerId(instruction.HospitalNumber);
        using var span = Source.StartPtbillCollect("refund")
            .SetPtbillCustomerId(patient) // clean precision-pseudonym
            .SetPtbillAmount((double)instruction.Amount) // clean precision-about
            .SetPtbillReference($"REFUND {instruction.InvoiceNumber}"); // clean generated-api
        Baggage.SetBaggage("ptbill.patient", patient.Value); // clean precision-pseudonym

        var payee = instruction.Payee;
        var check = await bank.ConfirmPayeeAsync(payee.AccountHolderName, payee.SortCode, payee.AccountNumber, ct);
        span.Activity?.SetTag("ptbill.cop.result", check.Result); // clean precision-names
        span.Activity?.SetTag("ptbill.payee.sort_code", payee.SortCode); // clean precision-names
        if (check.Result == "CLOSE_MATCH")
        {
            logger.LogWarning("Payee name close match for {Invoice}: entered {Entered}, bank holds {Suggested}", instruction.InvoiceNumber, payee.AccountHolderName, check.SuggestedName); // leak TC1001 direct
            span.SetPtbillNote($"CoP close match ({check.ReasonCode})"); // clean generated-api
        }
        else if (check.Result == "NO_MATCH")
        {
            span.Activity?.SetTag(PtbillAttributes.BankAccount, $"{payee.SortCode} {payee.AccountNumber}"); // leak TC1001 strings
            span.SetPtbillOutcome("payee_mismatch"); // clean direct
            return;
        }

        var payment = new OutboundPayment(payee.AccountHolderName, payee.SortCode, payee.AccountNumber, instruction.Amount, $"REFUND {instruction.InvoiceNumber}");
        try
        {
            var submission = await bank.SendAsync(payment, ct);
            logger.LogInformation("Refund {Submission} accepted at {At}: {Status}", submission.SubmissionId, submission.AcceptedAt, submission.Status); // clean precision-names
            logger.LogInformation("Refunded {Payment}", payment); // leak TC1001 logging-objects
            Refunds.Add(1, new KeyValuePair<string, object?>("ptbill.outcome", "sent")); // clean direct
            Refunds.Add(1, new KeyValuePair<string, object?>("ptbill.requested_by", pseudonymizer.ComputePtbillAgentId(instruction.RequestedByStaffId))); // leak TC1003 precision-pseudonym
        }
        catch (PaymentRejectedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.ReasonCode); // clean exceptions
            logger.LogError("Refund for {Invoice} rejected with {Reason}", instruction.InvoiceNumber, ex.ReasonCode); // clean exceptions
            logger.LogError(ex, "Refund for {Invoice} rejected", instruction.InvoiceNumber); // leak TC1001 exceptions
            logger.LogPtbillPaymentFailedEvent("refund", "rejected", patient, ptbillNote: ex.GetType().Name); // clean exceptions
        }
    }
}
