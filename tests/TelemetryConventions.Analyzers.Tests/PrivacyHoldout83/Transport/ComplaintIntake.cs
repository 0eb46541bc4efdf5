using System.Globalization;

namespace PrivacyHoldout83.Transport;

public sealed record Complaint(string Reference, string RiderAccountId, string Name, string Email, string? Phone, string TravelCardNumber, string Route, string StopCode, DateTimeOffset IncidentAt, string Category, string Description);

/// <summary>
/// Customer relations: complaints from the web form and the app become tickets in the complaints
/// queue, with the route, stop and card as custom fields, and a call-back when the rider asks for one.
/// </summary>
public sealed partial class ComplaintIntake(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ComplaintIntake> logger)
{
    private readonly Counter<long> _complaints = meter.CreateCounter<long>("riderhelp.complaints", "{complaint}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {Reference} ({Category}) on route {Route} at {StopCode}")]
    private partial void LogComplaint(string reference, string category, string route, string stopCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {Reference} raised by rider {Rider}")]
    private partial void LogRider(string reference, [PrivateData] string rider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {Reference} concerns card {Card}")]
    private partial void LogCard(string reference, string card);

    public async Task<long> OpenAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        LogComplaint(complaint.Reference, complaint.Category, complaint.Route, complaint.StopCode); // clean precision-about
        LogRider(complaint.Reference, complaint.RiderAccountId); // clean logging-objects
        LogCard(complaint.Reference, complaint.TravelCardNumber); // leak TC1001 direct
        _complaints.Add(1, new KeyValuePair<string, object?>("category", complaint.Category), new KeyValuePair<string, object?>("route", complaint.Route)); // clean precision-about

        long ticketId;
        try
        {
            ticketId = await helpdesk.CreateTicketAsync(new NewTicket($"{complaint.Category}: route {complaint.Route}", complaint.Description, complaint.Email, complaint.Name, "normal", ["complaint", complaint.Category]), cancellationToken);
        }
        catch (HelpdeskApiException ex) when (ex.StatusCode == 422)
        {
            // The 422 body echoes the requester it refused: the rider's name and email.
            logger.LogError("Complaint {Reference} not filed: {Status} {Body}", complaint.Reference, ex.StatusCode, ex.ResponseBody); // leak TC1001 exceptions
            throw;
        }
        using var span = source.StartRiderhelpTicket(ticketId.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetRiderhelpRequesterId(pseudonymizer.PseudonymizeRiderhelpRequesterId(complaint.RiderAccountId)).SetRiderhelpQueue("complaints"); // clean precision-pseudonym
        span.SetRiderhelpNote($"{complaint.Category} at {complaint.StopCode} on {complaint.IncidentAt:yyyy-MM-dd HH:mm}"); // clean generated-api
        span.SetRiderhelpNote(complaint.Description); // leak TC1001 generated-api
        Activity.Current?.SetTag("riderhelp.complaint.reference", complaint.Reference); // clean precision-about
        Activity.Current?.SetTag("riderhelp.card.masked", complaint.TravelCardNumber[..6] + "******" + complaint.TravelCardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("riderhelp.card", complaint.TravelCardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("riderhelp.card.lane", ShardOf.Bucket(secrets.ShardKey, complaint.TravelCardNumber, 32)); // clean hashes
        Activity.Current?.SetTag("riderhelp.card.key", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(complaint.TravelCardNumber)), 0, 8)); // leak TC1002 hashes
        Activity.Current?.SetTag("riderhelp.rider", Pseudonym.FromComputed(complaint.RiderAccountId).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Complaint {Complaint}", complaint); // leak TC1001 logging-objects
        logger.LogInformation("Complaint from {Name} <{Email}>", complaint.Name, complaint.Email); // leak TC1001 direct

        meter.CreateRiderhelpTicketsCounter().Add(1, "complaints", "opened");
        return ticketId;
    }

    public void RequestCallback(Complaint complaint, CallbackRequest callback)
    {
        logger.LogInformation("Call-back {RequestId} for complaint {Reference} in window {Window:t}", callback.RequestId, complaint.Reference, callback.WindowStart); // clean precision-about
        Activity.Current?.SetTag("riderhelp.callback.has_phone", !string.IsNullOrEmpty(callback.PhoneNumber)); // clean precision-about
        var note = new StringBuilder().Append("Call ").Append(callback.Name).Append(" on ").Append(callback.PhoneNumber).ToString();
        Activity.Current?.AddEvent(new ActivityEvent("riderhelp.callback", tags: new ActivityTagsCollection { ["note"] = note })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("riderhelp.callback", tags: new ActivityTagsCollection { ["queue"] = callback.Queue, ["reason"] = "complaint" }));
    }
}
