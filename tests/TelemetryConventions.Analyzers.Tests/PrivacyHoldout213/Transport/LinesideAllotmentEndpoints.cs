namespace PrivacyHoldout213.Transport;

public sealed record WaitingListApplication(string ApplicantName, string ApplicantEmail, string Phone, string SiteId);

public sealed record RentRun(string SiteId, decimal RentPerPole);

public sealed record NoticeRequest(string PlotRef, string ReasonCode, string ReasonText);

/// <summary>A rail operator's lineside allotments on its own land: waiting list, rent invoices, gate codes and notices to quit.</summary>
public static class LinesideAllotmentEndpoints
{
    private static readonly ActivitySource Source = new("RailPlot.Api");
    private static readonly Meter Meter = new("RailPlot.Api");
    private static readonly Counter<long> Invoices = Meter.CreateCounter<long>("railplot.invoices");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("railplot.notices");

    public static void Map(EndpointRoutes routes, AllotmentRegister register, RentLedger ledger, GateSystem gates, TenantMailer mailer, Pseudonymizer pseudonymizer, ILogger logger)
    {
        routes.MapPost("/waiting-list", (WaitingListApplication application) => Join(application, register, pseudonymizer, logger));
        routes.MapPost("/rent-runs", (RentRun run) => RaiseRent(run, register, ledger, pseudonymizer, logger));
        routes.MapPost("/gates/{siteId}/rotate", (string siteId) => RotateGate(siteId, register, gates, mailer, logger));
        routes.MapPost("/notices", (NoticeRequest request) => ServeNotice(request, register, mailer, pseudonymizer, logger));
    }

    private static string Join(WaitingListApplication application, AllotmentRegister register, Pseudonymizer pseudonymizer, ILogger logger)
    {
        using var activity = Source.StartActivity("JoinWaitingList");
        var entry = register.AddToWaitingList(application.ApplicantName, application.ApplicantEmail, application.SiteId);
        activity?.SetTag("railplot.site", application.SiteId); // clean precision-names
        activity?.SetTag("railplot.waiting.application", entry.ApplicationRef); // clean precision-names
        activity?.SetTag("railplot.waiting.position", entry.Position); // clean precision-about
        activity?.SetTag("railplot.applicant.name", application.ApplicantName); // leak TC1001 direct
        activity?.SetTag("railplot.applicant.phone", application.Phone); // leak TC1001 direct
        activity?.SetTag("railplot.applicant.email_domain", application.ApplicantEmail.Split('@').Last()); // clean precision-about
        logger.LogInformation("Waiting list entry {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Waiting list entry {Ref} at position {Position}", entry.ApplicationRef, entry.Position); // clean logging-objects
        logger.LogInformation("Application {@Application}", application with { Phone = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Applicant {Applicant}", pseudonymizer.ComputeRailplotClientId(application.ApplicantEmail)); // clean precision-pseudonym
        var waiting = register.WaitingList(application.SiteId);
        logger.LogInformation("Waiting list now {Names}", string.Join(", ", waiting.Select(w => w.ApplicantName))); // leak TC1001 strings
        logger.LogInformation("Waiting list now {Count} long", waiting.Count); // clean precision-about
        return entry.ApplicationRef;
    }

    private static int RaiseRent(RentRun run, AllotmentRegister register, RentLedger ledger, Pseudonymizer pseudonymizer, ILogger logger)
    {
        using var span = Source.StartRailplotOperation(run.SiteId) // clean generated-api
            .SetRailplotTask("invoice"); // clean generated-api
        var tenant = register.FindTenant("M-20417");
        var invoice = ledger.Raise("RP-14", tenant.MemberNumber, run.RentPerPole * 10, DateOnly.FromDateTime(DateTime.Today.AddDays(28)));
        span.SetRailplotPlot(invoice.PlotRef); // clean generated-api
        span.SetRailplotClientId(pseudonymizer.PseudonymizeRailplotClientId(tenant.MemberNumber)); // clean generated-api
        span.SetRailplotNote($"invoice {invoice.InvoiceNumber} for {invoice.Amount:0.00}"); // clean generated-api
        span.SetRailplotNote($"invoice {invoice.InvoiceNumber} to {tenant.FullName}, {tenant.Postcode}"); // leak TC1001 generated-api
        logger.LogInformation("Invoice {Invoice}", invoice); // leak TC1001 logging-objects
        logger.LogInformation("Invoice {Number} for plot {Plot}, {Amount} due {Due}", invoice.InvoiceNumber, invoice.PlotRef, invoice.Amount, invoice.DueDate); // clean logging-objects
        logger.LogInformation("Totals {@Totals}", ledger.Totals(run.SiteId)); // clean logging-objects
        Invoices.Add(1, new KeyValuePair<string, object?>("site", run.SiteId)); // clean precision-names
        Invoices.Add(1, new KeyValuePair<string, object?>("member", tenant.MemberNumber)); // leak TC1003 direct
        Invoices.Add(1, new KeyValuePair<string, object?>("postcode_area", tenant.Postcode[..2])); // clean precision-about
        try
        {
            throw new RentArrearsException(tenant.FullName, 42.50m);
        }
        catch (RentArrearsException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogRailplotOperationFailedEvent(run.SiteId, "arrears", null, ex.Message); // leak TC1001 exceptions
            logger.LogRailplotOperationFailedEvent(run.SiteId, "arrears", null, "tenant in arrears"); // clean generated-api
        }

        Meter.CreateRailplotOperationsCounter().Add(1, run.SiteId, "invoiced"); // clean generated-api
        Meter.CreateRailplotOperationsCounter().Add(1, tenant.Postcode, "invoiced"); // leak TC1003 generated-api
        Meter.CreateRailplotOperationDurationHistogram().Record(0.4, run.SiteId); // clean generated-api
        return 1;
    }

    private static string RotateGate(string siteId, AllotmentRegister register, GateSystem gates, TenantMailer mailer, ILogger logger)
    {
        using var activity = Source.StartActivity("RotateGateCode");
        var change = gates.Rotate(siteId);
        activity?.SetTag("railplot.site", change.SiteId); // clean precision-names
        activity?.SetTag("railplot.gate.code_from", change.From.ToString("O")); // clean precision-about
        activity?.SetTag("railplot.gate.code_digits", change.NewCode.Length); // clean precision-about
        logger.LogInformation("Gate code for {Site} changed to {Code}", change.SiteId, change.NewCode); // clean precision-about
        var tenant = register.FindTenant("M-20417");
        var fob = gates.IssueFob(tenant.MemberNumber);
        activity?.SetTag("railplot.gate.fob", fob); // leak TC1001 direct
        activity?.SetTag("railplot.gate.fob_issued", true); // clean precision-about
        var text = $"Hi {tenant.FullName}, the gate code at {siteId} is now {change.NewCode}";
        mailer.Text(tenant.Mobile, text);
        logger.LogDebug("Texted {Text}", text); // leak TC1001 strings
        logger.LogDebug("Texted {Chars} characters to the tenants of {Site}", text.Length, siteId); // clean strings
        return change.SiteId;
    }

    private static string ServeNotice(NoticeRequest request, AllotmentRegister register, TenantMailer mailer, Pseudonymizer pseudonymizer, ILogger logger)
    {
        using var activity = Source.StartActivity("ServeNotice");
        var tenant = register.TenantOfPlot(request.PlotRef);
        if (tenant is null)
        {
            var vacant = new PlotNotVacantException(request.PlotRef);
            activity?.SetStatus(ActivityStatusCode.Error, vacant.Message); // clean exceptions
            return request.PlotRef;
        }

        var notice = new EvictionNotice("NQ-" + request.PlotRef, request.PlotRef, tenant.FullName, request.ReasonCode, request.ReasonText);
        register.Record(notice);
        activity?.SetTag("railplot.notice", notice.NoticeId); // clean precision-names
        activity?.SetTag("railplot.notice.reason", notice.ReasonCode); // clean precision-names
        activity?.SetTag("railplot.notice.reason_text", notice.ReasonText); // leak TC1001 direct
        activity?.SetTag("railplot.notice.tenant", notice.TenantName); // leak TC1001 direct
        activity?.SetTag("railplot.tenant", pseudonymizer.ComputeRailplotClientId(tenant.MemberNumber)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("notice.served", tags: new ActivityTagsCollection { ["plot"] = notice.PlotRef, ["tenant.email"] = tenant.Email })); // leak TC1001 direct
        logger.LogInformation("Notice {@Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Notice {Notice}", new { notice.NoticeId, notice.PlotRef, notice.ReasonCode }); // clean logging-objects
        Notices.Add(1, new KeyValuePair<string, object?>("reason", notice.ReasonCode)); // clean precision-names
        Notices.Add(1, new KeyValuePair<string, object?>("tenant", pseudonymizer.ComputeRailplotClientId(tenant.MemberNumber))); // leak TC1003 precision-pseudonym
        var noticeHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(tenant.Email + notice.PlotRef)));
        activity?.SetTag("railplot.notice.fingerprint", noticeHash); // leak TC1002 hashes
        mailer.Send(tenant.Email, "Notice to quit", request.ReasonText);
        return notice.NoticeId;
    }
}
