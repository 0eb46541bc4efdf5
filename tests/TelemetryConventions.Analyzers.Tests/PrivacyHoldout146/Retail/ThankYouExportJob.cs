namespace PrivacyHoldout146.Retail;

/// <summary>After the wedding, emails the couple a spreadsheet of who gave what, for their thank-you cards.</summary>
public sealed class ThankYouExportJob(
    IGiftListStore lists,
    IGiftDelivery delivery,
    ActivitySource source,
    LifeEventsOptions options,
    ILogger<ThankYouExportJob> logger)
{
    private readonly List<string> _failedExports = new();
    private int _rowsExported;
    private string? _largestGiftGiver;

    public async Task ExportAsync(string listNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartGiftlistOperation("web");
        var list = await lists.GetAsync(listNumber, cancellationToken);
        var rows = await lists.ThankYouRowsAsync(listNumber, cancellationToken);
        span.SetGiftlistItemCount(rows.Count).SetGiftlistOutcome("exporting"); // clean generated-api
        _rowsExported += rows.Count;
        _largestGiftGiver = rows.OrderByDescending(r => r.Gift.Length).FirstOrDefault()?.GuestEmail;
        var csv = string.Join("\n", rows.Select(r => $"{r.GuestName};{r.GuestEmail};{r.Gift};{r.Message}"));
        logger.LogDebug("Thank-you rows {@Rows}", rows); // leak TC1001 logging-objects
        Activity.Current?.SetTag("giftlist.export.rows", rows.Count); // clean precision-about
        Activity.Current?.SetTag("giftlist.export.template_id", options.ThankYouTemplateId); // clean precision-names
        Activity.Current?.SetTag("giftlist.export.first_line", csv.Split('\n')[0]); // leak TC1001 strings
        Activity.Current?.SetTag("giftlist.export.file_name", $"thank-you-{list.WeddingDate:yyyyMMdd}.csv"); // clean strings
        try
        {
            await delivery.EmailAsync(list.CoupleEmail, options.ThankYouTemplateId, csv, cancellationToken);
        }
        catch (ListNotFoundException ex)
        {
            _failedExports.Add(listNumber);
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
        }
    }

    public void Report()
    {
        logger.LogInformation("Exported {Rows} rows; failed lists {Failed}", _rowsExported, _failedExports); // leak TC1001 cross-member
        logger.LogInformation("Exported {Rows} rows; {Failed} lists failed", _rowsExported, _failedExports.Count); // clean cross-member
        Activity.Current?.SetTag("giftlist.largest_giver", _largestGiftGiver); // leak TC1001 cross-member
    }
}
