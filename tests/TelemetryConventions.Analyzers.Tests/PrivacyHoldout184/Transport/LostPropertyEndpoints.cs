namespace PrivacyHoldout184.Transport;

/// <summary>The rail operator's lost property office: items handed in at stations and on trains are logged; passengers' enquiries are matched against them.</summary>
public static partial class LostPropertyEndpoints
{
    private static readonly ActivitySource Source = new("Rail.LostProperty");
    private static readonly Meter Meter = new("Rail.LostProperty");
    private static readonly Counter<long> Enquiries = Meter.CreateCounter<long>("lostproperty.enquiries");
    private static readonly Counter<long> ItemsLogged = Meter.CreateCounter<long>("lostproperty.items.logged");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/lost-property/items", LogItemAsync)
              .MapPost("/lost-property/enquiries", EnquireAsync);

    private static async Task<object> LogItemAsync(FoundItem item, string station, IFoundItemRegister register, ILogger<FoundItem> logger)
    {
        await register.LogAsync(item);
        using var span = Source.StartLostpropertyOperation(station);
        span.SetLostpropertyItemCategory(item.Category); // clean direct
        span.SetLostpropertyNote($"found at {item.FoundAt}"); // clean generated-api
        span.SetLostpropertyNote(item.Description); // leak TC1001 generated-api
        span.SetLostpropertyNote($"name on item: {item.NameOnItem}"); // leak TC1001 generated-api
        span.Activity?.SetTag("lostproperty.item.id", item.ItemId); // clean direct
        span.Activity?.SetTag("lostproperty.item.found_at", item.FoundAt); // clean direct
        span.Activity?.SetTag("lostproperty.item.description_length", item.Description.Length); // clean precision-about
        span.Activity?.SetTag("lostproperty.item.owner_name", item.NameOnItem); // leak TC1001 direct
        ItemsLogged.Add(1, new KeyValuePair<string, object?>("station", station), new KeyValuePair<string, object?>("category", item.Category)); // clean direct
        logger.LogInformation("Logged {Item}", item with { Description = "", NameOnItem = null }); // clean logging-objects
        logger.LogInformation("Logged {Item}", item with { FoundAt = station }); // leak TC1001 logging-objects
        ItemLogged(logger, item.ItemId, item.Description); // clean logging-objects
        return new { item.ItemId };
    }

    private static async Task<object> EnquireAsync(LostPropertyEnquiry enquiry, IFoundItemRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LostPropertyEnquiry> logger, PropertyOptions options)
    {
        using var span = Source.StartLostpropertyOperation(options.Desk);
        span.SetLostpropertyOwnerId(pseudonymizer.PseudonymizeLostpropertyOwnerId(enquiry.Email)); // clean precision-pseudonym
        span.Activity?.SetTag("lostproperty.enquiry.id", enquiry.EnquiryId); // clean direct
        span.Activity?.SetTag("lostproperty.enquiry.route", enquiry.Route); // clean direct
        span.Activity?.SetTag("lostproperty.enquiry.travelled_on", enquiry.TravelledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean direct
        span.Activity?.SetTag("lostproperty.enquiry.phone", enquiry.Phone); // leak TC1001 direct
        span.Activity?.SetTag("lostproperty.enquiry.passenger", enquiry.PassengerName); // leak TC1001 direct
        span.Activity?.SetTag("lostproperty.enquiry.description", enquiry.Description); // leak TC1001 direct
        span.Activity?.SetTag("lostproperty.enquiry.description_words", enquiry.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag("lostproperty.enquiry.phone_prefix", enquiry.Phone[..3]); // clean precision-about
        span.Activity?.SetTag("lostproperty.passenger_count", 1); // clean precision-names
        span.Activity?.SetTag("lostproperty.email_template_id", "enquiry-ack"); // clean precision-names
        span.Activity?.SetTag("lostproperty.phone_contact_allowed", true); // clean precision-names
        span.Activity?.SetTag(LostpropertyAttributes.Contact, enquiry.Email); // leak TC1001 generated-api
        span.Activity?.AddEvent(new ActivityEvent("lostproperty.enquiry", tags: new ActivityTagsCollection { ["route"] = enquiry.Route, ["day"] = enquiry.TravelledOn.DayOfWeek.ToString() })); // clean direct
        span.Activity?.AddEvent(new ActivityEvent("lostproperty.enquiry.contact", tags: new ActivityTagsCollection { ["phone"] = enquiry.Phone })); // leak TC1001 direct

        var matches = await register.MatchAsync(enquiry.Description);
        span.SetLostpropertyItemCount(matches.Count); // clean precision-about
        logger.LogInformation("Enquiry {EnquiryId} matched {Count} items", enquiry.EnquiryId, matches.Count); // clean precision-about
        logger.LogInformation("Enquiry {Enquiry}", enquiry); // leak TC1001 logging-objects
        logger.LogInformation("Enquiry {Enquiry}", enquiry with { PassengerName = "", Email = "", Phone = "", Description = "" }); // clean logging-objects
        logger.LogInformation("Enquiry {Enquiry}", enquiry with { Phone = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Matches {Items}", matches.Select(m => new FoundItemSummary(m.ItemId, m.Category, options.Desk, DateOnly.FromDateTime(m.FoundOn))).ToList()); // clean logging-objects
        logger.LogInformation("Matched names {Names}", matches.Select(m => m.NameOnItem).ToArray()); // leak TC1001 strings
        EnquiryReceived(logger, enquiry.EnquiryId, enquiry.PassengerName, enquiry.Phone); // clean logging-objects
        EnquiryContact(logger, enquiry.EnquiryId, enquiry.Email); // leak TC1001 logging-objects
        Enquiries.Add(1, new KeyValuePair<string, object?>("route", enquiry.Route)); // clean direct
        Enquiries.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.ComputeLostpropertyOwnerId(enquiry.Email))); // leak TC1003 precision-pseudonym
        var wave = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(enquiry.Email))[0] % 6;
        Enquiries.Add(1, new KeyValuePair<string, object?>("wave", wave)); // clean hashes
        span.Activity?.SetTag("lostproperty.passenger.key", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(enquiry.Email)))); // leak TC1002 hashes
        span.Activity?.SetTag("lostproperty.phone.key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(enquiry.Phone)))[..10]); // leak TC1002 hashes
        if (matches.Count == 0)
        {
            var ex = new ItemNotFoundException(enquiry.EnquiryId);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogLostpropertyOperationFailedEvent(options.Desk, "no-match", lostpropertyOwnerId: pseudonymizer.PseudonymizeLostpropertyOwnerId(enquiry.Email)); // clean generated-api
            logger.LogLostpropertyOperationFailedEvent(options.Desk, "no-match", lostpropertyNote: $"{enquiry.PassengerName} on {enquiry.Route}"); // leak TC1001 generated-api
        }

        return new { enquiry.EnquiryId, matches = matches.Count };
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Item {ItemId} logged: {Description}")]
    private static partial void ItemLogged(ILogger logger, string itemId, [PrivateData] string description);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Information, Message = "Enquiry {EnquiryId} from {PassengerName} on {Phone}")]
    private static partial void EnquiryReceived(ILogger logger, string enquiryId, [PrivateData] string passengerName, [PrivateData] string phone);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Information, Message = "Enquiry {EnquiryId} acknowledged to {Email}")]
    private static partial void EnquiryContact(ILogger logger, string enquiryId, string email);
}
