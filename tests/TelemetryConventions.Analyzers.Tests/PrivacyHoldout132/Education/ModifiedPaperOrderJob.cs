namespace PrivacyHoldout132.Education;

/// <summary>A candidate's paper format preference, as the exams office records it.</summary>
public sealed record CandidateFormat(string StudentNumber, string PreferredName, string PaperCode, string Format, int FontPoint, string? PaperColour);

/// <summary>Nightly: totals the modified papers (enlarged 18pt and 24pt, braille, coloured) each sitting needs and orders them from the board before its deadline.</summary>
public sealed partial class ModifiedPaperOrderJob(
    IAccessArrangementsPortal portal,
    ILogger<ModifiedPaperOrderJob> logger)
{
    private static readonly ActivitySource Source = new("Trust.Exams.ModifiedPapers");
    private static readonly Meter Meter = new("Trust.Exams.ModifiedPapers");
    private static readonly Counter<long> Ordered = Meter.CreateCounter<long>("exams.modified_papers.ordered");

    public async Task RunAsync(string centreNumber, DateOnly sitting, IReadOnlyList<CandidateFormat> formats, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("modified-papers.order");
        activity?.SetTag("exams.centre_number", centreNumber); // clean precision-names
        activity?.SetTag("exams.sitting", sitting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-names
        activity?.SetTag("exams.candidates_with_formats", formats.Select(f => f.StudentNumber).Distinct().Count()); // clean precision-about

        var byPaper = formats.GroupBy(f => (f.PaperCode, f.Format)).ToList();
        logger.LogInformation("Formats needed: {Formats}", string.Join(", ", byPaper.Select(g => $"{g.Key.PaperCode}/{g.Key.Format} x{g.Count()}"))); // clean strings
        logger.LogDebug("Candidates needing braille: {Candidates}", string.Join(",", formats.Where(f => f.Format == "braille").Select(f => f.PreferredName))); // leak TC1001 strings

        foreach (var group in byPaper)
        {
            var order = new ModifiedPaperOrder(centreNumber, group.Key.PaperCode, group.Key.Format, group.Count(), sitting);
            try
            {
                var orderRef = await portal.OrderPapersAsync(order, cancellationToken);
                LogOrdered(logger, order, orderRef); // clean logging-objects
                Ordered.Add(order.Quantity, new KeyValuePair<string, object?>("format", order.Format), new("paper", order.PaperCode)); // clean precision-names
            }
            catch (PaperOrderDeadlineException ex)
            {
                logger.LogError(ex, "Missed the modified paper deadline for {Paper}", group.Key.PaperCode); // clean exceptions
                activity?.AddEvent(new ActivityEvent("order.missed", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // clean exceptions
                logger.LogExamaccessAssistFailedEvent(centreNumber, "deadline-missed", examaccessNote: $"{group.Key.Format} papers for {string.Join(", ", group.Select(f => f.PreferredName))}"); // leak TC1001 generated-api
                activity?.AddEvent(new ActivityEvent("order.missed.candidates", tags: new ActivityTagsCollection { ["candidates"] = group.Select(f => f.StudentNumber).ToArray() })); // leak TC1001 direct
            }
        }

        var largest = formats.Where(f => f.FontPoint > 0).OrderByDescending(f => f.FontPoint).FirstOrDefault();
        if (largest is not null)
        {
            activity?.SetTag("exams.largest_font_point", largest.FontPoint); // clean precision-about
            logger.LogInformation("Largest enlargement requested: {Format}", largest); // leak TC1001 logging-objects
        }

        var colours = formats.Where(f => f.PaperColour is not null).GroupBy(f => f.PaperColour!).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Coloured paper by colour: {Colours}", colours); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ordered {Order} as {OrderRef}")]
    private static partial void LogOrdered(ILogger logger, ModifiedPaperOrder order, string orderRef);
}
