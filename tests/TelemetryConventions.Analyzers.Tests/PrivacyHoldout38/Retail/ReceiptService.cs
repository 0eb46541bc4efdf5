using PrivacyHoldout38.Support;

namespace PrivacyHoldout38.Retail;

/// <summary>A rule of the promotions engine; each names itself and decides on a basket.</summary>
public interface IPromotionRule<TSelf>
    where TSelf : IPromotionRule<TSelf>
{
    static abstract string RuleName { get; }

    static abstract bool Applies(Customer customer, Basket basket);
}

public sealed class NewCustomerDiscount : IPromotionRule<NewCustomerDiscount>
{
    public static string RuleName => "new-customer-discount";

    public static bool Applies(Customer customer, Basket basket) => customer.Tier == "new" && basket.Total > 20m;
}

public sealed class MemberDoublePoints : IPromotionRule<MemberDoublePoints>
{
    public static string RuleName => "member-double-points";

    public static bool Applies(Customer customer, Basket basket) => customer.IsMember;
}

public sealed class ReceiptService(ILogger<ReceiptService> logger, IEmailSender mail)
{
    public async Task SendAsync(Customer customer, Order order, Basket basket, CancellationToken cancellationToken)
    {
        string[] applied = [.. Evaluate<NewCustomerDiscount>(customer, basket), .. Evaluate<MemberDoublePoints>(customer, basket)];
        logger.LogInformation("Promotions applied to {OrderId}: {Rules}", order.OrderId, applied); // clean precision-names

        var body = $"""
            Thank you for your order {order.OrderId}.
            Items: {basket.Items}, total {order.Total:C}.
            Loyalty card: {customer.LoyaltyCard ?? "none"}
            """;
        await mail.SendAsync(customer.Email, $"Your receipt {order.OrderId}", body, cancellationToken);
        logger.LogDebug("E-receipt body: {Body}", body); // leak TC1001 strings
        logger.LogDebug("E-receipt of {Length} characters sent to a {Domain} address", body.Length, customer.EmailDomain); // clean precision-about
        logger.LogInformation("E-receipt sent to {Recipient}", customer.Email); // leak TC1001 direct
    }

    private static IEnumerable<string> Evaluate<TRule>(Customer customer, Basket basket)
        where TRule : IPromotionRule<TRule> =>
        TRule.Applies(customer, basket) ? [TRule.RuleName] : [];
}
