namespace PrivacyHoldout213.Media;

public sealed record MakeoverContributor(string ContributorId, string FullName, string Email, string PlotRef, string SiteId, string Story);

public sealed record EpisodeSlot(string EpisodeId, string SiteId, int Minutes, string PlotRef);

/// <summary>A broadcaster's allotment makeover programme: contributors, their plots, site inspections before filming.</summary>
public sealed partial class PlotMakeoverRepository(
    AllotmentRegister register,
    InspectionBook inspections,
    Pseudonymizer pseudonymizer,
    ILogger<PlotMakeoverRepository> logger)
{
    private static readonly ActivitySource Source = new("PlotCast.Makeovers");
    private static readonly Meter Meter = new("PlotCast.Makeovers");
    private static readonly Counter<long> Filmed = Meter.CreateCounter<long>("plotcast.plots.filmed");

    private MakeoverContributor? _current;

    [LoggerMessage(Level = LogLevel.Information, Message = "Contributor {ContributorName} booked for episode {EpisodeId}")]
    private partial void LogBooked([PrivateData] string contributorName, string episodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contributor email {Email} confirmed")]
    private partial void LogConfirmed(string email);

    public void Book(MakeoverContributor contributor, EpisodeSlot slot)
    {
        _current = contributor;
        using var activity = Source.StartActivity("BookContributor");
        activity?.SetTag("plotcast.episode", slot.EpisodeId); // clean precision-names
        activity?.SetTag("plotcast.plot", slot.PlotRef); // clean precision-names
        activity?.SetTag("plotcast.contributor.id", contributor.ContributorId); // leak TC1001 direct
        activity?.SetTag("plotcast.contributor.story", contributor.Story); // leak TC1001 direct
        activity?.SetTag("plotcast.contributor.story_words", contributor.Story.Split(' ').Length); // clean precision-about
        LogBooked(contributor.FullName, slot.EpisodeId); // clean logging-objects
        LogConfirmed(contributor.Email); // leak TC1001 logging-objects
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Contributor {@Contributor}", contributor); // leak TC1001 logging-objects
        Filmed.Add(1, new KeyValuePair<string, object?>("site", slot.SiteId)); // clean precision-names
        Filmed.Add(1, new KeyValuePair<string, object?>("contributor", contributor.FullName)); // leak TC1003 direct

        var tenant = register.TenantOfPlot(slot.PlotRef);
        if (tenant is not null)
        {
            activity?.SetTag("plotcast.tenant.postcode", tenant.Postcode); // leak TC1001 direct
            activity?.SetTag("plotcast.tenant.known", true); // clean precision-about
        }
    }

    public void Inspect(string plotRef, string inspectorStaffNumber, int score, string notes)
    {
        var report = inspections.Record(plotRef, inspectorStaffNumber, score, notes);
        var outcome = new InspectionOutcome(report.InspectionId, report.PlotRef, report.CultivationScore, report.CultivationScore >= 60);
        using var span = Source.StartPlotcastOperation("plotcast-studio-allotments") // clean generated-api
            .SetPlotcastPlot(report.PlotRef) // clean generated-api
            .SetPlotcastTask("inspection") // clean generated-api
            .SetPlotcastOutcome(outcome.Passed ? "passed" : "failed"); // clean generated-api
        span.SetPlotcastNote(report.Notes); // leak TC1001 generated-api
        span.SetPlotcastNote($"score {report.CultivationScore}"); // clean generated-api
        logger.LogInformation("Inspection {Outcome}", outcome); // clean logging-objects
        logger.LogInformation("Inspection {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Inspected by {Inspector}", report.InspectorStaffNumber); // leak TC1001 direct
        logger.LogInformation("Inspection notes ran to {Length} characters", report.Notes.Length); // clean precision-about
        Meter.CreatePlotcastOperationsCounter().Add(1, "plotcast-studio-allotments", outcome.Passed ? "passed" : "failed"); // clean generated-api
        Meter.CreatePlotcastOperationDurationHistogram().Record(12.0, report.InspectorStaffNumber); // leak TC1003 generated-api
        var hash = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(report.InspectorStaffNumber)), 0, 6);
        logger.LogDebug("Inspector bucket {Hash}", hash); // leak TC1002 hashes
    }

    public void Wrap()
    {
        logger.LogInformation("Wrapped filming with {Contributor}", _current?.FullName); // leak TC1001 cross-member
        logger.LogInformation("Wrapped filming on plot {Plot}", _current?.PlotRef); // clean cross-member
        logger.LogInformation("Contributor {Contributor}", pseudonymizer.ComputePlotcastClientId(_current?.ContributorId ?? "")); // clean precision-pseudonym
        using var span = Source.StartPlotcastOperation("plotcast-studio-allotments"); // clean generated-api
        span.SetPlotcastClientId(pseudonymizer.PseudonymizePlotcastClientId(_current?.ContributorId ?? "")); // clean precision-pseudonym
        span.SetPlotcastClientId(Pseudonym.FromComputed(_current?.ContributorId ?? "")); // leak TC1001 precision-pseudonym
    }
}
