namespace PrivacyHoldout157.Healthcare;

/// <summary>A night shift an agency nurse is booked for, with a hotel night near the site. Prints staff number, name, email, agency, site and night.</summary>
public sealed record NurseShiftBooking(string StaffNumber, string NurseName, string Email, string Agency, string Site, DateOnly Night);

/// <summary>Books partner hotel rooms for agency nurses working nights away from home.</summary>
public sealed class AgencyNurseHotelWorker(
    IQueueReceiver<NurseShiftBooking> queue,
    IHotelDesk hotels,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AgencyNurseHotelWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.AgencyHotels");
    private readonly Counter<long> _booked = meter.CreateCounter<long>("agencyhotels.booked");
    private readonly Dictionary<string, int> _nightsByNurse = new();
    private string? _lastUnhoused;
    private int _unhousedCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var shift = await queue.ReceiveAsync(stoppingToken);
            if (shift is null)
            {
                ReportUnhoused();
                continue;
            }

            using var activity = Source.StartActivity("agency-hotel.book");
            activity?.SetTag("agency.name", shift.Agency); // clean precision-names
            activity?.SetTag("agency.nurse", shift.StaffNumber); // leak TC1001 direct
            activity?.SetTag("agency.nurse.pseudonym", pseudonymizer.ComputeFamilystayGuestId(shift.StaffNumber)); // clean precision-pseudonym
            activity?.SetTag("agency.nurse.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(shift.StaffNumber))[0] % 8); // clean hashes
            activity?.SetTag("agency.nurse.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shift.StaffNumber)))[..12]); // leak TC1002 hashes

            try
            {
                var hotel = shift.Site == "royal-infirmary" ? "PH-RI-01" : "PH-GEN-02";
                var confirmation = await hotels.BookAsync(hotel, shift.NurseName, shift.Night, stoppingToken);
                activity?.SetTag("agency.hotel.confirmation", confirmation); // clean precision-names
                _booked.Add(1, new KeyValuePair<string, object?>("hotel", hotel)); // clean direct
                _booked.Add(1, new KeyValuePair<string, object?>("nurse", pseudonymizer.ComputeFamilystayGuestId(shift.StaffNumber))); // leak TC1003 precision-pseudonym
                _nightsByNurse[shift.StaffNumber] = _nightsByNurse.GetValueOrDefault(shift.StaffNumber) + 1;
            }
            catch (AllotmentExhaustedException ex)
            {
                _lastUnhoused = shift.Email;
                _unhousedCount++;
                logger.LogWarning(ex, "No partner room for a night shift at {Site}", shift.Site); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning("Unhoused shift {@Shift}", shift); // leak TC1001 logging-objects
            }
        }
    }

    private void ReportUnhoused()
    {
        if (_unhousedCount == 0)
        {
            return;
        }
        logger.LogWarning("{Count} agency nurses without a room; last was {Email}", _unhousedCount, _lastUnhoused); // leak TC1001 cross-member
        logger.LogInformation("Nurses with hotel nights this week: {Nurses}", string.Join(",", _nightsByNurse.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Hotel nights booked this week: {Nights}", _nightsByNurse.Values.Sum()); // clean cross-member
        _unhousedCount = 0;
    }
}
