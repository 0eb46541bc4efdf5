namespace PrivacyHoldout155.Energy;

/// <summary>
/// Watches the half-hourly consumption of contingency hotels and dispersal houses for the provider's energy desk,
/// and raises a gauge per hotel so a supply failure is seen before residents call.
/// </summary>
public sealed class ContingencyHotelSupplyMonitor
{
    private readonly ILogger<ContingencyHotelSupplyMonitor> _logger;
    private readonly Dictionary<string, double> _hotelLoad = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _houseLoad = new(StringComparer.Ordinal);
    private readonly Counter<long> _alerts;

    public ContingencyHotelSupplyMonitor(Meter meter, ILogger<ContingencyHotelSupplyMonitor> logger)
    {
        _logger = logger;
        _alerts = meter.CreateCounter<long>("supply.alerts", "{alert}");
        meter.CreateObservableGauge("hotel.load.kw", () => _hotelLoad.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("hotel", p.Key)))); // clean cross-member
        meter.CreateObservableGauge("house.load.kw", () => _houseLoad.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("mpan", p.Key)))); // leak TC1003 cross-member
    }

    public void Reading(ContingencyHotel hotel, double kw)
    {
        _hotelLoad[hotel.HotelCode] = kw;
        Activity.Current?.SetTag("hotel.mpan", hotel.Mpan); // clean precision-about
        Activity.Current?.SetTag("hotel.rooms", hotel.Rooms); // clean precision-about
        if (kw < 0.5)
        {
            _alerts.Add(1, new KeyValuePair<string, object?>("hotel", hotel.HotelCode)); // clean precision-about
            _logger.LogWarning("Supply lost at {Hotel}: {Reading}", hotel.HotelCode, hotel); // clean logging-objects
        }
    }

    public void Reading(DispersalProperty house, double kw)
    {
        _houseLoad[house.Mpan] = kw;
        Activity.Current?.SetTag("house.mpan.profile_class", house.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("house.postcode_district", house.Postcode.Split(' ')[0]); // clean precision-about
        if (kw < 0.05)
        {
            _logger.LogWarning("No load at {House} for six hours", DescribeHouse(house)); // leak TC1001 strings
            _logger.LogWarning("No load at a house in {Region}", house.Region); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("house.no_load", tags: new ActivityTagsCollection { ["postcode"] = house.Postcode })); // leak TC1001 direct
        }
    }

    private static string DescribeHouse(DispersalProperty house) => $"{house.PropertyId} ({house.Postcode})";
}
