namespace PrivacyHoldout121.Education;

/// <summary>A laptop lent to a student for home learning.</summary>
public sealed record DeviceLoan(string LoanId, string StudentNumber, string AssetTag, string YearGroup, string GuardianEmail);

/// <summary>Ships loan laptops to students' homes through the trust's carrier account.</summary>
public sealed class LoanDeviceShipping(
    ICarrierClient carrier,
    IDeliveryNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<LoanDeviceShipping> logger)
{
    private static readonly ActivitySource Source = new("Trust.DeviceLoans.Shipping");
    private static readonly Meter Meter = new("Trust.DeviceLoans.Shipping");
    private static readonly Counter<long> Shipped = Meter.CreateCounter<long>("loanship.devices.shipped");

    public async Task ShipAsync(DeviceLoan loan, Address home, CancellationToken cancellationToken)
    {
        using var span = Source.StartLoanshipDelivery(loan.LoanId, "royalmail")
            .SetLoanshipRecipientId(pseudonymizer.PseudonymizeLoanshipRecipientId(loan.StudentNumber)) // clean precision-pseudonym
            .SetLoanshipNote($"loan {loan.LoanId} for {loan.StudentNumber}"); // leak TC1001 generated-api
        span.Activity?.SetTag("loan.asset_tag", loan.AssetTag); // clean precision-names
        span.Activity?.SetTag("loan.year_group", loan.YearGroup); // clean precision-names

        var shipment = await carrier.CreateShipmentAsync(home, new Parcel(2300, 40, 30, 8), "special-delivery", loan.LoanId, cancellationToken);
        span.SetLoanshipTrackingNumber(shipment.TrackingNumber).SetLoanshipArea(Postcodes.District(home.Postcode)); // clean precision-about
        logger.LogInformation("Laptop {AssetTag} shipped to {Address}", loan.AssetTag, home); // leak TC1001 logging-objects
        logger.LogInformation("Laptop {AssetTag} shipped as {TrackingNumber} (signature {SignatureRequired})", loan.AssetTag, shipment.TrackingNumber, shipment.SignatureRequired); // clean precision-names
        Shipped.Add(1, new KeyValuePair<string, object?>("loan.year_group", loan.YearGroup)); // clean precision-names
        Shipped.Add(0, new KeyValuePair<string, object?>("loan.student", loan.StudentNumber)); // leak TC1003 direct

        await notifier.SendEmailAsync(loan.GuardianEmail, "Your child's laptop is on its way", $"Tracking number {shipment.TrackingNumber}", cancellationToken);
        logger.LogInformation("Guardian notified at {GuardianEmail}", loan.GuardianEmail); // leak TC1001 direct
        logger.LogInformation("Guardian notified at a {Domain} address", loan.GuardianEmail.Split('@')[1]); // clean precision-about
        span.Activity?.SetTag(LoanshipAttributes.RecipientContact, loan.GuardianEmail); // leak TC1001 generated-api
    }

    public void ShipFailed(DeviceLoan loan, AddressVerificationException ex)
    {
        logger.LogLoanshipDeliveryFailedEvent(loan.LoanId, "failed", pseudonymizer.PseudonymizeLoanshipRecipientId(loan.StudentNumber), ex.GetType().Name); // clean generated-api
        logger.LogLoanshipDeliveryFailedEvent(loan.LoanId, "failed", null, ex.Message); // leak TC1001 generated-api
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"shipping failed for student {loan.StudentNumber}"); // leak TC1001 strings
    }
}
