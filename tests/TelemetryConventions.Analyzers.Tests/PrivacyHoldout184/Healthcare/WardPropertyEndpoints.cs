namespace PrivacyHoldout184.Healthcare;

/// <summary>The trust's patients' property office: items found on wards are logged against the patient they belong to.</summary>
public static partial class WardPropertyEndpoints
{
    private static readonly ActivitySource Source = new("Trust.WardProperty");
    private static readonly Meter Meter = new("Trust.WardProperty");
    private static readonly Counter<long> ItemsLogged = Meter.CreateCounter<long>("wardproperty.items.logged");
    private static readonly Histogram<double> MatchSeconds = Meter.CreateHistogram<double>("wardproperty.match.seconds", "s");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/wards/{ward}/property", LogPropertyAsync)
              .MapPost("/wards/{ward}/found", LogFoundAsync);

    private static async Task<object> LogPropertyAsync(string ward, PatientProperty property, IFoundItemRegister register, Pseudonymizer pseudonymizer, ILogger<PatientProperty> logger, PropertyOptions options)
    {
        using var span = Source.StartWardpropertyOperation(options.Desk);
        span.SetWardpropertyOwnerId(pseudonymizer.PseudonymizeWardpropertyOwnerId(property.NhsNumber)); // clean precision-pseudonym
        span.SetWardpropertyItemCategory("patient-property"); // clean precision-names
        span.SetWardpropertyNote(property.ItemsListed); // leak TC1001 generated-api
        span.SetWardpropertyNote($"{property.ItemsListed.Split(',').Length} items on {ward}"); // clean generated-api
        span.Activity?.SetTag("wardproperty.ward", property.Ward); // clean direct
        span.Activity?.SetTag("wardproperty.patient.nhs_number", property.NhsNumber); // leak TC1001 direct
        span.Activity?.SetTag("wardproperty.patient.name", property.PatientName); // leak TC1001 direct
        span.Activity?.SetTag("wardproperty.valuables.present", property.Valuables is not null); // clean precision-about
        span.Activity?.SetTag("wardproperty.items.length", property.ItemsListed.Length); // clean precision-about

        logger.LogInformation("Property {PropertyId} logged on {Ward}", property.PropertyId, ward); // clean direct
        logger.LogInformation("Property logged {@Property}", property); // leak TC1001 logging-objects
        logger.LogInformation("Property logged for ward {Ward}: {Summary}", ward, property with { NhsNumber = "", PatientName = "", ItemsListed = "", Valuables = null }); // clean logging-objects
        logger.LogInformation("Property copy {Property}", property with { Ward = ward }); // leak TC1001 logging-objects
        ItemsLogged.Add(1, new KeyValuePair<string, object?>("ward", ward)); // clean direct
        ItemsLogged.Add(1, new KeyValuePair<string, object?>("patient", property.NhsNumber)); // leak TC1003 direct
        PropertyLogged(logger, property.PropertyId, property.NhsNumber); // clean logging-objects
        PropertyValuables(logger, property.PropertyId, property.Valuables ?? "none"); // leak TC1001 logging-objects
        await Task.CompletedTask;
        return new { property.PropertyId, ward };
    }

    private static async Task<object> LogFoundAsync(string ward, FoundItem item, IFoundItemRegister register, ILogger<FoundItem> logger, TelemetrySecrets secrets)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("wardproperty.found");
        activity?.SetTag("wardproperty.item.id", item.ItemId); // clean direct
        activity?.SetTag("wardproperty.item.category", item.Category); // clean direct
        activity?.SetTag("wardproperty.item.name_on_item", item.NameOnItem); // leak TC1001 direct
        activity?.SetTag("wardproperty.item.has_name", !string.IsNullOrEmpty(item.NameOnItem)); // clean precision-about
        activity?.SetTag("wardproperty.item.description", item.Description); // leak TC1001 direct
        activity?.SetTag("wardproperty.item.description_words", item.Description.Split(' ').Length); // clean precision-about
        var matches = await register.MatchAsync(item.Description);
        activity?.SetTag("wardproperty.match.count", matches.Count); // clean precision-about
        activity?.AddEvent(new ActivityEvent("wardproperty.matched", tags: new ActivityTagsCollection { ["item.ids"] = string.Join(",", matches.Select(m => m.ItemId)) })); // clean strings
        activity?.AddEvent(new ActivityEvent("wardproperty.names", tags: new ActivityTagsCollection { ["names"] = string.Join(";", matches.Select(m => m.NameOnItem)) })); // leak TC1001 strings
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(item.NameOnItem ?? ""))[0] % 8;
        activity?.SetTag("wardproperty.name.bucket", bucket); // clean hashes
        activity?.SetTag("wardproperty.name.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.NameOnItem ?? "")))); // leak TC1002 hashes
        logger.LogInformation("Found item {Item}", new FoundItemSummary(item.ItemId, item.Category, ward, DateOnly.FromDateTime(item.FoundOn))); // clean logging-objects
        logger.LogInformation("Found item {Item}", item); // leak TC1001 logging-objects
        MatchSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("ward", ward)); // clean direct
        return new { item.ItemId, matches = matches.Count };
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Property {PropertyId} logged for patient {NhsNumber}")]
    private static partial void PropertyLogged(ILogger logger, string propertyId, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Property {PropertyId} valuables {Valuables}")]
    private static partial void PropertyValuables(ILogger logger, string propertyId, string valuables);
}
