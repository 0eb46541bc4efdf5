namespace PrivacyHoldout94.Retail;

public sealed record CourierManifestLine(string ConsignmentId, string RecipientName, string DeliveryPhone, string Postcode, string Carrier);

/// <summary>
/// Before the nightly manifest goes to the couriers, each consignment's delivery phone is normalised to
/// E.164 (couriers text the recipient on the day) and the recipient's name is re-cased.
/// </summary>
public sealed partial class DeliveryPhoneNormaliser(
    ActivitySource source,
    Meter meter,
    ContactHygieneOptions options,
    ILogger<DeliveryPhoneNormaliser> logger)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly Counter<long> _lines = meter.CreateCounter<long>("checkoutaddr.manifest.lines");
    private readonly List<string> _unreachable = [];

    public IReadOnlyList<CourierManifestLine> Normalise(IReadOnlyList<CourierManifestLine> manifest, string carrier)
    {
        using var span = source.StartCheckoutaddrCheck("phone");
        span.SetCheckoutaddrProvider(carrier); // clean precision-names
        span.Activity?.SetTag("checkoutaddr.manifest.size", manifest.Count);
        var output = new List<CourierManifestLine>(manifest.Count);
        foreach (var line in manifest)
        {
            try
            {
                var number = _phones.Parse(line.DeliveryPhone, options.DefaultRegion);
                var type = _phones.GetNumberType(number);
                _lines.Add(1, new KeyValuePair<string, object?>("carrier", carrier), new KeyValuePair<string, object?>("number_type", type.ToString())); // clean precision-about
                if (type != PhoneNumberType.MOBILE)
                {
                    LogLandline(logger, line.ConsignmentId, type); // clean precision-names
                    LogLandlineNumber(logger, line.ConsignmentId, line.DeliveryPhone); // leak TC1001 direct
                }
                output.Add(line with
                {
                    DeliveryPhone = _phones.Format(number, PhoneNumberFormat.E164),
                    RecipientName = NameCasing.NeedsFixing(line.RecipientName) ? NameCasing.Fix(line.RecipientName) : line.RecipientName,
                });
            }
            catch (NumberParseException ex)
            {
                _unreachable.Add(line.ConsignmentId + ":" + line.DeliveryPhone);
                span.Activity?.AddEvent(new ActivityEvent("phone.unparsed", tags: new ActivityTagsCollection { ["consignment"] = line.ConsignmentId, ["error"] = ex.ErrorType.ToString() })); // clean exceptions
                output.Add(line);
            }
        }

        span.Activity?.SetTag("checkoutaddr.manifest.unreachable", _unreachable.Count); // clean precision-about
        return output;
    }

    public void FlushUnreachable()
    {
        if (_unreachable.Count > 0)
        {
            logger.LogWarning("Consignments without a usable phone: {Lines}", string.Join("; ", _unreachable)); // leak TC1001 cross-member
            _unreachable.Clear();
        }
    }

    public void LogSample(IReadOnlyList<CourierManifestLine> manifest) =>
        logger.LogDebug("Manifest sample: {Lines}", manifest.Take(3)); // leak TC1001 logging-objects

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Consignment {ConsignmentId} has a {NumberType} delivery phone; courier cannot text")]
    private static partial void LogLandline(ILogger logger, string consignmentId, PhoneNumberType numberType);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Debug, Message = "Consignment {ConsignmentId} delivery phone {Phone}")]
    private static partial void LogLandlineNumber(ILogger logger, string consignmentId, string phone);
}
