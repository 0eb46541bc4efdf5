namespace PrivacyHoldout213.Transport;

public sealed record AdopterCheckIn(string VolunteerId, string Name, string Mobile, string StationCode, string CarRegistration, int Hours);

/// <summary>Station garden adopters check in for their work days; the worker records hours and parking at the station.</summary>
public sealed partial class StationGardenAdopterWorker(
    IQueueReceiver<AdopterCheckIn> checkIns,
    Pseudonymizer pseudonymizer,
    ILogger<StationGardenAdopterWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("RailPlot.Adopters");
    private static readonly Counter<long> Hours = new Meter("RailPlot.Adopters").CreateCounter<long>("railplot.adopter.hours");

    private AdopterCheckIn? _last;

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopter {Name} parked {Registration} at {Station}")]
    private static partial void LogParked(ILogger logger, string name, string registration, string station);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopter {Mobile} checked in at {Station}")]
    private static partial void LogCheckedIn(ILogger logger, [PrivateData] string mobile, string station);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var checkIn = await checkIns.ReceiveAsync(stoppingToken);
            if (checkIn is null)
            {
                continue;
            }

            _last = checkIn;
            using var activity = Source.StartActivity("AdopterCheckIn");
            activity?.SetTag("railplot.station", checkIn.StationCode); // clean precision-names
            activity?.SetTag("railplot.adopter.hours", checkIn.Hours); // clean precision-about
            activity?.SetTag("railplot.adopter.car", checkIn.CarRegistration); // leak TC1001 direct
            activity?.SetTag("railplot.adopter.car_prefix", checkIn.CarRegistration[..2]); // clean precision-about
            activity?.SetTag("railplot.adopter", pseudonymizer.Pseudonymize("volunteer", checkIn.VolunteerId)); // clean precision-pseudonym
            LogParked(logger, checkIn.Name, checkIn.CarRegistration, checkIn.StationCode); // leak TC1001 logging-objects
            LogCheckedIn(logger, checkIn.Mobile, checkIn.StationCode); // clean logging-objects
            logger.LogInformation("Check-in {CheckIn}", checkIn); // leak TC1001 logging-objects
            Hours.Add(checkIn.Hours, new KeyValuePair<string, object?>("station", checkIn.StationCode)); // clean precision-names
            Hours.Add(checkIn.Hours, new KeyValuePair<string, object?>("volunteer", pseudonymizer.Pseudonymize("volunteer", checkIn.VolunteerId))); // leak TC1003 precision-pseudonym
            Activity.Current?.AddBaggage("railplot.adopter.mobile", checkIn.Mobile); // leak TC1001 direct
            try
            {
                throw new VolunteerUnavailableException(checkIn.Mobile);
            }
            catch (VolunteerUnavailableException ex)
            {
                logger.LogWarning("Check-in not confirmed: {Reason}", ex.Message); // leak TC1001 exceptions
                activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            }
        }
    }

    public void Summarise()
    {
        Activity.Current?.SetTag("railplot.last_adopter", _last?.Name); // leak TC1001 cross-member
        Activity.Current?.SetTag("railplot.last_station", _last?.StationCode); // clean cross-member
    }
}
