namespace PrivacyHoldout107.Transport;

/// <summary>The "get travel alerts" form of the journey planner, posted to the rider CRM as a lead with its routes.</summary>
public sealed class TravelAlertFormHandler(
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    ILogger<TravelAlertFormHandler> logger)
{
    private static readonly ActivitySource Source = new("Transit.RiderCrm.AlertForm");
    private static readonly Meter Meter = new("Transit.RiderCrm.AlertForm");
    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("ridecrm.alertform.submissions");

    private readonly ConcurrentDictionary<string, int> _perVisitor = new();

    public async Task<ActionResult> HandleAsync(FormSubmission form, CancellationToken cancellationToken)
    {
        using var span = Source.StartRidecrmSync("alert form");
        var routes = form.Fields.TryGetValue("routes", out var r) ? r.Split(',') : [];
        span.Activity?.SetTag("form.routes", string.Join(",", routes)); // clean strings
        // The alert page is opened from the emailed alert link, which prefills the form (?email=…&mobile=…).
        span.Activity?.SetTag("form.page", form.PageUrl); // leak TC1001 strings
        span.Activity?.SetTag("form.referrer.host", form.Referrer is null ? null : new Uri(form.Referrer).Host); // clean precision-about
        Submissions.Add(1, new KeyValuePair<string, object?>("utm_source", form.UtmSource)); // clean precision-names

        var visitor = form.VisitorCookie ?? "anonymous";
        var count = _perVisitor.AddOrUpdate(visitor, 1, (_, c) => c + 1);
        if (count > 5)
        {
            logger.LogWarning("Form flood from visitor {Visitor}: {Count} submissions", visitor, count); // leak TC1001 direct
            logger.LogWarning("Form flood: {Count} submissions from one visitor, {Visitors} visitors tracked", count, _perVisitor.Count); // clean precision-about
            return new BadRequestResult("slow down");
        }

        var mobile = form.Fields.GetValueOrDefault("mobile");
        var lead = new Entity("lead") { ["mobilephone"] = mobile, ["emailaddress1"] = form.Fields.GetValueOrDefault("email"), ["ride_routes"] = string.Join(";", routes) };
        var id = await crm.CreateAsync(lead, cancellationToken);
        span.SetRidecrmRiderId(pseudonymizer.PseudonymizeRidecrmRiderId(id.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("lead.mobile.country", mobile is { Length: > 3 } ? mobile[..3] : null); // clean precision-about
        span.Activity?.SetTag("lead.mobile", mobile); // leak TC1001 direct
        logger.LogInformation("Alert lead for routes {Routes}: {Fields}", routes, string.Join("&", form.Fields.Select(f => $"{f.Key}={f.Value}"))); // leak TC1001 strings
        return new OkResult(id);
    }
}
