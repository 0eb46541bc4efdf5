namespace PrivacyHoldout182.Education;

[ApiController]
[Route("api/textbooks")]
public sealed class TextbookBuyBackController(Pseudonymizer pseudonymizer, ILogger<TextbookBuyBackController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Campus.Textbooks");
    private static readonly Meter TextbookMeter = new("Campus.Textbooks");
    private readonly CampusbuybackOperationsCounter operations = TextbookMeter.CreateCampusbuybackOperationsCounter();

    [HttpPost("batch")]
    public ActionResult BuyBatch([FromBody] IReadOnlyList<TextbookBuyBack> books)
    {
        using var span = Source.StartCampusbuybackOperation("bookshop");
        span.SetCampusbuybackItemCount(books.Count); // clean generated-api
        span.SetCampusbuybackItemCategory("textbook"); // clean generated-api
        span.SetCampusbuybackNote("Sellers: " + string.Join(",", books.Select(b => b.StudentNumber))); // leak TC1001 generated-api
        span.Activity?.SetTag("campus.isbns", string.Join(",", books.Select(b => b.Isbn).Distinct())); // clean precision-names
        span.Activity?.SetTag("campus.sellers", books.Select(b => b.StudentNumber).ToArray()); // leak TC1001 direct
        span.Activity?.SetTag("campus.credit.total", (double)books.Sum(b => b.Offer)); // clean precision-about
        foreach (var book in books)
        {
            span.Activity?.AddEvent(new ActivityEvent("campus.textbook", tags: new ActivityTagsCollection { ["isbn"] = book.Isbn, ["condition"] = book.Condition })); // clean precision-names
            logger.LogDebug("Textbook {Book}", book); // leak TC1001 logging-objects
            logger.LogDebug("Textbook {Book}", book with { StudentNumber = "" }); // clean logging-objects
        }

        var first = books.FirstOrDefault();
        if (first is not null && books.Count > 12)
        {
            var error = new SellerRefusedException(first.StudentNumber);
            logger.LogCampusbuybackOperationFailedEvent("bookshop", "declined", campusbuybackSellerId: pseudonymizer.PseudonymizeCampusbuybackSellerId(first.StudentNumber)); // clean precision-pseudonym
            logger.LogCampusbuybackOperationFailedEvent("bookshop", "declined", campusbuybackNote: error.Message); // leak TC1001 generated-api
            operations.Add(1, "bookshop", first.StudentNumber); // leak TC1003 generated-api
            operations.Instrument.Add(1, new KeyValuePair<string, object?>("seller", pseudonymizer.ComputeCampusbuybackSellerId(first.StudentNumber))); // leak TC1003 precision-pseudonym
            return BadRequest("batch limit");
        }

        operations.Add(1, "bookshop", "accepted"); // clean generated-api
        logger.LogInformation("Batch of {Count} textbooks from {Sellers} sellers", books.Count, books.Select(b => b.StudentNumber).Distinct().Count()); // clean precision-about
        return Ok();
    }
}
