namespace PrivacyHoldout130.Support;

/// <summary>The lettings settings the services bind from configuration.</summary>
public sealed class LettingsOptions
{
    public string Branch { get; init; } = "central";

    public int ArrearsDaysBeforeLetter { get; init; } = 14;

    public string ViewingConfirmationTemplateId { get; init; } = "tpl-viewing-confirmed";

    public string DepositScheme { get; init; } = "custodial";

    public decimal DepositWeeks { get; init; } = 5;
}

/// <summary>The options pattern, reduced to what the services read.</summary>
public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}
