namespace PrivacyHoldout78.Energy;

public sealed record TouCustomer(string AccountNumber, string MeterSerial, string FirstName, string Email, string Culture, string TimeZoneId, TimeOnly CheapFrom, TimeOnly CheapTo);

/// <summary>A tariff's cheap-rate window that cannot be shown for a customer; it quotes the customer's meter.</summary>
public sealed class CheapWindowException(string meterSerial, string timeZoneId)
    : Exception($"Cannot place the cheap-rate window of meter {meterSerial} in time zone '{timeZoneId}'.")
{
    public string TimeZoneId { get; } = timeZoneId;
}

/// <summary>
/// The evening email of the time-of-use tariff: "Hi Rhys, cheap electricity starts at 00:30 tonight".
/// Customers on the tariff with a holiday home abroad see the times in their saved time zone.
/// </summary>
public sealed class TimeOfUseReminder(IStringLocalizer<TimeOfUseReminder> localizer, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<TimeOfUseReminder> logger)
{
    private readonly List<string> _unplaceable = [];

    public string? Compose(TouCustomer customer, DateOnly night)
    {
        using var span = source.StartGridcopyRender("tou.evening");
        span.SetGridcopyAccountId(pseudonymizer.PseudonymizeGridcopyAccountId(customer.AccountNumber)); // clean precision-pseudonym
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId);
            var start = TimeZoneInfo.ConvertTime(new DateTimeOffset(night.ToDateTime(customer.CheapFrom), TimeSpan.Zero), zone);
            span.SetGridcopyTimeZone(zone.Id); // clean precision-about
            span.Activity?.SetTag("tou.local_start", start.ToString("HH:mm", CultureInfo.InvariantCulture)); // clean precision-about
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(customer.Culture);
            var line = localizer["Tou.Evening", customer.FirstName, start.ToString("t", CultureInfo.CurrentUICulture)].Value;
            logger.LogDebug("Evening line for {MeterSerial}: {Line}", customer.MeterSerial, line); // leak TC1001 direct
            return line;
        }
        catch (TimeZoneNotFoundException)
        {
            var error = new CheapWindowException(customer.MeterSerial, customer.TimeZoneId);
            _unplaceable.Add(customer.MeterSerial);
            span.RecordException(error, "time zone not found"); // clean exceptions
            span.Activity?.AddException(error); // leak TC1001 exceptions
            logger.LogWarning("Unknown time zone {TimeZoneId} on a tariff account; sent in UTC", error.TimeZoneId); // clean precision-about
            logger.LogGridcopyTranslationMissingEvent("Tou.Evening", customer.Culture, gridcopyNote: error.Message); // leak TC1001 generated-api
            return null;
        }
    }

    public void Summarise() =>
        logger.LogWarning("Meters with unplaceable windows: {Meters}", _unplaceable); // leak TC1001 cross-member
}
