namespace PrivacyHoldout169.Retail;

/// <summary>
/// Retail Gift Aid: when a donated item sells, the shop records the sale against the donor so the
/// charity can claim Gift Aid on the proceeds.
/// </summary>
public sealed partial class DonatedGoodsGiftAidService(
    IDonorStore donors,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DonatedGoodsGiftAidService> logger)
{
    private static readonly ActivitySource Source = new("ShopGiving.RetailGiftAid");
    private static readonly Meter Meter = new("ShopGiving.RetailGiftAid");
    private static readonly Counter<long> Sales = Meter.CreateCounter<long>("shopgiving.giftaid.sales");

    [LoggerMessage(Level = LogLevel.Information, Message = "Item {ItemTag} sold for supporter {SupporterNumber}")]
    private partial void LogSold(string itemTag, string supporterNumber);

    public async Task RecordSaleAsync(DonatedItem item, CancellationToken cancellationToken)
    {
        using var operation = Source.StartShopgivingOperation(item.Shop).SetShopgivingProgramme("retail-gift-aid"); // clean generated-api
        var activity = operation.Activity;
        activity?.SetTag("shopgiving.item_tag", item.ItemTag); // clean direct
        activity?.SetTag("shopgiving.price", (double)item.Price); // clean direct
        LogSold(item.ItemTag, item.SupporterNumber); // leak TC1001 logging-objects
        Sales.Add(1, new KeyValuePair<string, object?>("shop", item.Shop)); // clean direct
        Sales.Add(1, new KeyValuePair<string, object?>("supporter", item.SupporterNumber)); // leak TC1003 direct

        var donor = await donors.FindAsync(item.SupporterNumber, cancellationToken);
        if (donor is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, new DonorNotFoundException(item.SupporterNumber).Message); // leak TC1001 exceptions
            return;
        }
        logger.LogInformation("Sold {Item} for {Donor}", item, donor); // leak TC1001 logging-objects
        logger.LogInformation("Sold {ItemTag} in {Shop} for {Price}", item.ItemTag, item.Shop, item.Price); // clean logging-objects
        var donorRef = pseudonymizer.PseudonymizeShopgivingDonorId(item.SupporterNumber);
        operation.SetShopgivingDonorId(donorRef); // clean precision-pseudonym
        logger.LogDebug("Donor {DonorRef} has email: {HasEmail}", donorRef, donor.Email.Length > 0); // clean precision-pseudonym
        logger.LogShopgivingOperationFailedEvent(item.Shop, "unclaimed", donorRef, "declaration expired"); // clean generated-api
        var houseAndPostcode = donor.HouseNumber + ", " + donor.Postcode;
        operation.SetShopgivingNote(houseAndPostcode); // leak TC1001 generated-api
        var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(item.SupporterNumber))) % 64;
        activity?.SetTag("shopgiving.donor_bucket", bucket); // clean hashes
        activity?.SetTag("shopgiving.donor_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(donor.Email)))); // leak TC1002 hashes
    }
}
