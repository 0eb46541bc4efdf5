namespace PrivacyHoldout205.Media;

public sealed record ContributorCar(string BookingRef, string ContributorId, string ContributorName, string PickupAddress, string Studio, string FirmCode, string DriverBadge);

/// <summary>A broadcaster's repository of contributor cars booked with private hire firms, their receipts and complaints.</summary>
public sealed class ContributorCarRepository(
    IReceiptMailer mailer,
    IComplaintStore complaints,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<ContributorCarRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcast.ContributorCars");
    private static readonly Meter Meter = new("Broadcast.ContributorCars");
    private static readonly Histogram<double> Fares = Meter.CreateHistogram<double>("contributor.car.fare", "GBP");

    private readonly List<ContributorCar> _today = new();

    public void Add(ContributorCar car)
    {
        _today.Add(car);
        using var span = Source.StartCrewcabOperation(car.Studio);
        span.SetCrewcabClientId(pseudonymizer.PseudonymizeCrewcabClientId(car.ContributorId)); // clean precision-pseudonym
        span.SetCrewcabKind("contributor-car"); // clean generated-api
        span.SetCrewcabNote($"car {car.BookingRef} with {car.FirmCode}"); // clean generated-api
        span.SetCrewcabNote($"pickup at {car.PickupAddress}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("contributor.booking", car.BookingRef); // clean precision-names
        Activity.Current?.SetTag("contributor.name", car.ContributorName); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.pickup", car.PickupAddress); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.driver.badge", car.DriverBadge); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.firm", car.FirmCode); // clean precision-names
        logger.LogInformation("Car booked {Car}", car); // leak TC1001 logging-objects
        logger.LogInformation("Car booked {@Car}", new { car.BookingRef, car.Studio, car.FirmCode }); // clean logging-objects
        logger.LogInformation("Car booked for contributor {Contributor}", pseudonymizer.PseudonymizeCrewcabClientId(car.ContributorId)); // clean precision-pseudonym
    }

    public void Summarise()
    {
        Activity.Current?.SetTag("contributor.cars.today", _today.Count); // clean cross-member
        Activity.Current?.SetTag("contributor.cars.studios", string.Join(",", _today.Select(c => c.Studio).Distinct())); // clean cross-member
        Activity.Current?.SetTag("contributor.cars.names", string.Join(",", _today.Select(c => c.ContributorName))); // leak TC1001 cross-member
        logger.LogInformation("Cars today {Cars}", _today); // leak TC1001 cross-member
        logger.LogInformation("Firms today {Firms}", _today.GroupBy(c => c.FirmCode).ToDictionary(g => g.Key, g => g.Count())); // clean cross-member
        logger.LogInformation("Bookings today {Bookings}", _today.Select(c => c.BookingRef).ToList()); // clean cross-member
        logger.LogInformation("Pickups today {Pickups}", string.Join(" | ", _today.Select(c => c.PickupAddress))); // leak TC1001 cross-member
        Activity.Current?.SetTag("contributor.cars.badges", _today.Select(c => c.DriverBadge).Distinct().Count()); // clean precision-about
    }

    public async Task SendReceiptAsync(ContributorCar car, RideReceipt receipt, string contributorEmail, CancellationToken cancellationToken)
    {
        await mailer.SendAsync(contributorEmail, receipt, cancellationToken);
        logger.LogInformation("Receipt sent {Receipt}", receipt); // clean logging-objects
        logger.LogInformation("Receipt {ReceiptNumber} for trip {TripRef}, {Fare} {Currency}, card ending {Last4}", receipt.ReceiptNumber, receipt.TripRef, receipt.Fare, receipt.Currency, receipt.CardLast4); // clean precision-about
        logger.LogInformation("Receipt sent to {Email}", contributorEmail); // leak TC1001 direct
        logger.LogInformation("Receipt sent to domain {Domain}", contributorEmail.Split('@')[1]); // clean precision-about
        Activity.Current?.SetTag("contributor.receipt.email_given", !string.IsNullOrEmpty(contributorEmail)); // clean precision-about
        Fares.Record((double)receipt.Fare, new KeyValuePair<string, object?>("contributor.firm", car.FirmCode)); // clean precision-names
        Fares.Record((double)receipt.Fare, new KeyValuePair<string, object?>("contributor.email", contributorEmail)); // leak TC1003 direct
        Fares.Record((double)receipt.Fare, new KeyValuePair<string, object?>("contributor.id", pseudonymizer.PseudonymizeCrewcabClientId(car.ContributorId))); // leak TC1003 precision-pseudonym
        var subject = new StringBuilder("Receipt ").Append(receipt.ReceiptNumber).Append(" for ").Append(car.ContributorName).ToString();
        Activity.Current?.SetTag("contributor.receipt.subject", subject); // leak TC1001 strings
        var reference = new StringBuilder("Receipt ").Append(receipt.ReceiptNumber).Append(" trip ").Append(receipt.TripRef).ToString();
        Activity.Current?.SetTag("contributor.receipt.reference", reference); // clean strings
    }

    public async Task LogComplaintAsync(string complaintRef, CancellationToken cancellationToken)
    {
        var complaint = await complaints.FindAsync(complaintRef, cancellationToken);
        if (complaint is null)
        {
            var ex = new ReceiptNotFoundException(complaintRef);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogCrewcabOperationFailedEvent("complaints", "failed", crewcabNote: ex.Message); // clean generated-api
            return;
        }

        Activity.Current?.SetTag("contributor.complaint", complaint.ComplaintRef); // clean precision-names
        Activity.Current?.SetTag("contributor.complaint.text", complaint.Text); // leak TC1001 direct
        Activity.Current?.SetTag("contributor.complaint.words", complaint.Text.Split(' ').Length); // clean precision-about
        logger.LogInformation("Complaint {@Complaint}", complaint); // leak TC1001 logging-objects
        logger.LogInformation("Complaint {@Summary}", new ComplaintSummary(complaint.ComplaintRef, "driver-conduct", "open", 3)); // clean logging-objects
        var key = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(complaint.PassengerEmail)));
        logger.LogInformation("Complaint dedupe {Key}", key); // leak TC1002 hashes
        var hmac = Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(complaint.PassengerEmail)));
        logger.LogInformation("Complaint dedupe {Key}", hmac); // clean hashes
        Meter.CreateCrewcabOperationDurationHistogram().Record(1.5, "complaints"); // clean generated-api
        Meter.CreateCrewcabOperationsCounter().Add(1, complaint.BadgeNumber, "open"); // leak TC1003 generated-api
    }
}
