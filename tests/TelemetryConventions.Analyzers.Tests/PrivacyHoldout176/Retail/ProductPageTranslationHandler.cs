namespace PrivacyHoldout176.Retail;

/// <summary>Translates product pages and customers' reviews for the retailer's other storefronts.</summary>
public sealed class ProductPageTranslationHandler(IMachineTranslator translator, Pseudonymizer pseudonymizer, ILogger<ProductPageTranslationHandler> logger)
{
    private static readonly ActivitySource Source = new("Retailer.PageTranslation");
    private static readonly Meter Meter = new("Retailer.PageTranslation");
    private readonly StorelanguageOperationDurationHistogram _duration = Meter.CreateStorelanguageOperationDurationHistogram();

    public async Task TranslatePageAsync(string sku, string title, string locale, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStorelanguageOperation("page-translation");
        span.SetStorelanguageLanguage(locale); // clean generated-api
        span.SetStorelanguageNote($"SKU {sku}: {title}"); // clean generated-api
        var translated = await translator.TranslateAsync(title, "en", locale, cancellationToken);
        logger.LogInformation("Translated {Sku} title into {Locale}: {Title}", sku, locale, translated); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "page-translation"); // clean generated-api
    }

    public async Task TranslateReviewAsync(ProductReview review, string locale, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorelanguageOperation("review-translation");
        span.SetStorelanguageLearnerId(pseudonymizer.PseudonymizeStorelanguageLearnerId(review.CustomerNumber)); // clean generated-api
        span.SetStorelanguageNote(review.Body); // leak TC1001 generated-api
        try
        {
            var translated = await translator.TranslateAsync(review.Body, review.Locale, locale, cancellationToken);
            Activity.Current?.SetTag("review.id", review.ReviewId); // clean precision-names
            Activity.Current?.SetTag("review.translated", translated); // leak TC1001 direct
            Activity.Current?.SetTag("review.rating", review.Rating); // clean precision-about
            logger.LogInformation("Review by {Reviewer} translated", review.ReviewerName); // leak TC1001 direct
        }
        catch (TranslationProviderException ex)
        {
            logger.LogStorelanguageOperationFailedEvent("review-translation", "provider-error", pseudonymizer.PseudonymizeStorelanguageLearnerId(review.CustomerNumber), ex.Message); // clean generated-api
            logger.LogStorelanguageOperationFailedEvent("review-translation", "provider-error", storelanguageNote: review.ToString()); // leak TC1001 generated-api
        }
    }
}

/// <summary>A customer's review: review id, SKU, the customer's number and display name, rating, body and locale.</summary>
public sealed record ProductReview(string ReviewId, string Sku, string CustomerNumber, string ReviewerName, int Rating, string Body, string Locale);
