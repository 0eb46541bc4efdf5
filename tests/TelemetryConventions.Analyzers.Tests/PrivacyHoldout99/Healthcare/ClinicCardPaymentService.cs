namespace PrivacyHoldout99.Healthcare;

public sealed record ConsultationCharge(string AppointmentId, string HospitalNumber, string PatientEmail, long AmountPence, string ClinicCode);

/// <summary>Takes payment for a private consultation with a card the patient saved at the clinic's portal, or with a wallet.</summary>
public sealed class ClinicCardPaymentService(
    IPaymentIntentClient intents,
    ICustomerClient customers,
    Pseudonymizer pseudonymizer,
    ILogger<ClinicCardPaymentService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Payments");
    private static readonly Meter Meter = new("Clinic.Payments");
    private readonly ClinicpayPaymentsCounter _payments = Meter.CreateClinicpayPaymentsCounter();
    private readonly ClinicpayPaymentDurationHistogram _duration = Meter.CreateClinicpayPaymentDurationHistogram();

    public async Task<PaymentIntent> ChargeAsync(ConsultationCharge charge, string customerId, string paymentMethodId, CancellationToken ct)
    {
        var patient = pseudonymizer.PseudonymizeClinicpayPatientId(charge.HospitalNumber);
        var idempotencyKey = $"consult:{charge.AppointmentId}:{charge.HospitalNumber}";
        using var span = Source.StartClinicpayPayment("pending")
            .SetClinicpayPatientId(patient) // clean precision-pseudonym
            .SetClinicpayAmount(charge.AmountPence) // clean precision-about
            .SetClinicpayCurrency("GBP");
        span.SetClinicpayIdempotencyKey(idempotencyKey); // leak TC1001 generated-api
        span.Activity?.SetTag("clinic.code", charge.ClinicCode); // clean precision-names
        span.Activity?.SetTag("clinic.customer.id", customerId); // leak TC1001 direct
        span.SetClinicpayNote($"customer {customerId}"); // leak TC1001 generated-api
        span.Activity?.SetTag("clinic.patient.ref", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(charge.HospitalNumber))).ToString()); // leak TC1002 hashes
        span.Activity?.SetTag("payment.request.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{charge.AppointmentId}:{charge.AmountPence}")))[..16]); // clean hashes
        span.Activity?.SetTag("payment.summary", $"{charge.ClinicCode}/{charge.AppointmentId}/{charge.AmountPence}"); // clean strings

        var started = Stopwatch.GetTimestamp();
        try
        {
            var intent = await intents.CreateAsync(new PaymentIntentCreateOptions
            {
                Amount = charge.AmountPence,
                Customer = customerId,
                PaymentMethod = paymentMethodId,
                ReceiptEmail = charge.PatientEmail,
                Description = $"Consultation {charge.AppointmentId}",
                Confirm = true,
                Metadata = { ["appointment_id"] = charge.AppointmentId, ["hospital_number"] = charge.HospitalNumber },
            }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);

            span.SetClinicpayPaymentId(intent.Id).SetClinicpayOutcome(intent.Status);
            span.Activity?.SetTag("payment.method.id", intent.PaymentMethodId); // clean precision-names
            logger.LogInformation("Consultation {AppointmentId} charged with intent {IntentId} ({Status})", charge.AppointmentId, intent.Id, intent.Status);
            logger.LogDebug("Intent metadata {@Metadata}", intent.Metadata); // leak TC1001 logging-objects
            logger.LogDebug("Intent metadata keys {Keys}", string.Join(",", intent.Metadata.Keys));
            logger.LogInformation("Charged {Description}", intent.Description); // clean strings
            logger.LogInformation("Receipt will go to {ReceiptEmail}", intent.ReceiptEmail); // leak TC1001 direct
            logger.LogInformation("Receipt will go to a {Domain} address", intent.ReceiptEmail?.Split('@').Last()); // clean precision-about
            _payments.Add(1, "card", null, intent.Status); // clean generated-api
            return intent;
        }
        catch (CardDeclinedException ex)
        {
            span.SetClinicpayDeclineCode(ex.DeclineCode ?? "generic_decline").SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogClinicpayPaymentFailedEvent("pending", "declined", ex.DeclineCode, patient, $"declined for {charge.HospitalNumber}"); // leak TC1001 generated-api
            _payments.Add(1, "card", null, "declined"); // clean generated-api
            throw;
        }
        catch (ResourceMissingException ex) when (ex.Resource == "customer")
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Saved customer missing at the provider: {Param} ({Code})", ex.Param, ex.Code); // clean exceptions
            var recreated = await customers.CreateAsync(charge.PatientEmail, null, new Dictionary<string, string> { ["hospital_number"] = charge.HospitalNumber }, ct);
            logger.LogInformation("Recreated provider customer {CustomerId} for appointment {AppointmentId}", recreated.Id, charge.AppointmentId); // leak TC1001 cross-member
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "card"); // clean generated-api
        }
    }

    public void RecordWalletPayment(ApplePayPayment payment, string hospitalNumber)
    {
        using var activity = Source.StartActivity("clinic.applepay");
        activity?.SetTag("wallet.network", payment.Token.PaymentMethod.Network);
        activity?.SetTag("wallet.display_name", payment.Token.PaymentMethod.DisplayName); // clean precision-about
        activity?.SetTag("wallet.transaction_id", payment.Token.TransactionIdentifier); // clean precision-names
        activity?.SetTag("wallet.billing.family_name", payment.BillingContact?.FamilyName); // leak TC1001 direct
        activity?.SetTag("clinicpay.patient.id", pseudonymizer.ComputeClinicpayPatientId(hospitalNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("clinic.patient", hospitalNumber); // leak TC1001 direct
    }
}
