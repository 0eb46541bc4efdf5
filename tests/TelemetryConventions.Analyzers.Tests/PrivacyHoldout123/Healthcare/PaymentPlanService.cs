namespace PrivacyHoldout123.Healthcare;

/// <summary>A patient's payment plan for a large self-pay balance, collected by direct debit.</summary>
public sealed record PaymentPlan(string PlanId, string HospitalNumber, string PatientName, decimal Balance, int Months, string MandateId);

/// <summary>The plan could not be set up; the message quotes the patient it was for.</summary>
public sealed class PaymentPlanException(string hospitalNumber, string reason) : Exception($"Plan for {hospitalNumber} refused: {reason}");

/// <summary>Sets up patients' payment plans and collects their monthly payments.</summary>
public sealed class PaymentPlanService(IDirectDebitClient directDebit, Pseudonymizer pseudonymizer, ILogger<PaymentPlanService> logger)
{
    private static readonly ActivitySource Source = new("Hospital.PatientAccounts.Plans");
    private static readonly Meter Meter = new("Hospital.PatientAccounts.Plans");
    private static readonly UpDownCounter<long> ActivePlans = Meter.CreateUpDownCounter<long>("ptbill.plans.active");
    private readonly PtbillPostingsCounter _postings = Meter.CreatePtbillPostingsCounter();

    private PaymentPlan? _plan;

    public async Task StartAsync(PaymentPlan plan, CancellationToken ct)
    {
        _plan = plan;
        using var span = Source.StartPtbillCollect("payment_plan")
            .SetPtbillAmount((double)plan.Balance) // clean precision-about
            .SetPtbillCustomerId(pseudonymizer.PseudonymizePtbillCustomerId(plan.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("ptbill.plan.id", plan.PlanId); // clean precision-names
        span.Activity?.SetTag("ptbill.plan.months", plan.Months); // clean precision-about
        logger.LogInformation("Payment plan {Plan}", plan); // leak TC1001 logging-objects
        try
        {
            if (plan.Months > 24)
            {
                throw new PaymentPlanException(plan.HospitalNumber, "longer than 24 months");
            }
            var payment = await directDebit.CreatePaymentAsync(new PaymentRequest((int)(plan.Balance / plan.Months * 100), "GBP", plan.MandateId, null, $"PLAN {plan.HospitalNumber}", new()), ct);
            span.SetPtbillReference(payment.Reference ?? payment.Id); // leak TC1001 generated-api
            ActivePlans.Add(1, new KeyValuePair<string, object?>("ptbill.months", plan.Months)); // clean direct
            ActivePlans.Add(1, new KeyValuePair<string, object?>("ptbill.patient", plan.HospitalNumber)); // leak TC1003 direct
            _postings.Add(1, "payment_plan", "created"); // clean generated-api
            Confirm();
        }
        catch (PaymentPlanException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogPtbillPaymentFailedEvent("payment_plan", "refused", ptbillNote: ex.Message); // leak TC1001 exceptions
            logger.LogError(ex, "Payment plan {Plan} refused", plan.PlanId); // leak TC1001 exceptions
        }
    }

    private void Confirm()
    {
        logger.LogInformation("Plan confirmed for {Patient}", _plan?.PatientName); // leak TC1001 cross-member
        logger.LogInformation("Plan {Plan} confirmed over {Months} months", _plan?.PlanId, _plan?.Months); // clean cross-member
        Activity.Current?.SetTag("ptbill.plan.patient", _plan?.HospitalNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("ptbill.plan.name_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_plan?.PatientName ?? "")))); // leak TC1002 hashes
        Activity.Current?.SetTag("ptbill.plan.mandate", _plan?.MandateId); // clean cross-member
        Activity.Current?.SetTag("ptbill.plan.summary", $"{_plan?.HospitalNumber}:{_plan?.Months}m"); // leak TC1001 strings
        Activity.Current?.SetTag("ptbill.plan.label", $"{_plan?.PlanId}:{_plan?.Months}m"); // clean strings
    }
}
