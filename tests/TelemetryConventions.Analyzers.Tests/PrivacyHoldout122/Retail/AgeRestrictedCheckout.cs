namespace PrivacyHoldout122.Retail;

public sealed record RestrictedBasket(Guid BasketId, string CustomerNumber, string Email, DateOnly? DateOfBirth, string StoreCode, IReadOnlyList<string> RestrictedSkus);

public sealed record CollectionIdScan(string OrderId, string StoreCode, string ColleagueStaffNumber, OcrResult Document);

/// <summary>
/// Alcohol, knives and solvents online: an age check at checkout (the date of birth against the vendor's
/// records), and Challenge 25 at click-and-collect, where a colleague scans the customer's ID on the handheld.
/// </summary>
public sealed class AgeRestrictedCheckout(
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<AgeRestrictedCheckout> logger)
{
    private readonly Counter<long> _checks = meter.CreateCounter<long>("checkout.age_checks");

    public bool CheckAtCheckout(RestrictedBasket basket)
    {
        using var activity = source.StartActivity("checkout.age_check");
        activity?.SetTag("basket.id", basket.BasketId); // clean precision-names
        activity?.SetTag("basket.restricted_skus", string.Join(",", basket.RestrictedSkus)); // clean strings
        activity?.SetTag("basket.store", basket.StoreCode); // clean precision-names
        activity?.SetTag("customer.number", basket.CustomerNumber); // leak TC1001 direct
        activity?.SetTag(ShopperidvAttributes.CustomerId, pseudonymizer.ComputeShopperidvCustomerId(basket.CustomerNumber)); // clean precision-pseudonym
        activity?.SetTag(ShopperidvAttributes.CustomerContact, pseudonymizer.ComputeShopperidvCustomerId(basket.Email)); // leak TC1001 precision-pseudonym

        if (basket.DateOfBirth is not { } dob)
        {
            logger.LogInformation("No date of birth for basket {BasketId}; asking the customer", basket.BasketId); // clean precision-names
            return false;
        }

        var adult = dob.AddYears(options.MinimumAge) <= DateOnly.FromDateTime(DateTime.Today);
        _checks.Add(1, new KeyValuePair<string, object?>("store", basket.StoreCode), new KeyValuePair<string, object?>("adult", adult)); // clean precision-about
        activity?.SetTag("customer.birth_year", dob.Year); // clean precision-about
        logger.LogInformation("Age check for {Email}: born {DateOfBirth}, adult {Adult}", basket.Email, dob, adult); // leak TC1001 direct
        return adult;
    }

    public bool CheckAtCollection(CollectionIdScan scan)
    {
        using var span = source.StartShopperidvVerify(scan.OrderId, "handheld-ocr").SetShopperidvStore(scan.StoreCode).SetShopperidvDocumentType(scan.Document.DocumentType); // clean generated-api
        span.SetShopperidvReviewerId(pseudonymizer.PseudonymizeShopperidvReviewerId(scan.ColleagueStaffNumber)); // clean generated-api
        span.Activity?.SetTag("collection.colleague", scan.ColleagueStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("collection.document_number", scan.Document.DocumentNumber); // leak TC1001 direct
        span.Activity?.SetTag("collection.document_country", scan.Document.IssuingCountry); // clean precision-about
        var looksUnder25 = scan.Document.DateOfBirth is { } dob && dob.AddYears(25) > DateOnly.FromDateTime(DateTime.Today);
        span.Activity?.SetTag("collection.challenge25", looksUnder25); // clean precision-about
        logger.LogInformation("Collection ID scan at {Store}: {Document}", scan.StoreCode, scan.Document); // clean logging-objects
        logger.LogInformation("Collection ID scan at {Store}: {@Document}", scan.StoreCode, scan.Document); // leak TC1001 logging-objects
        span.SetShopperidvNote($"{scan.Document.FirstName} {scan.Document.LastName}, order {scan.OrderId}"); // leak TC1001 generated-api
        span.SetShopperidvOutcome(scan.Document.DateOfBirth is null ? "unreadable" : "read"); // clean generated-api
        return scan.Document.DateOfBirth is not null;
    }
}
