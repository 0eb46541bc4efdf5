namespace Bogus;

// A stand-in for the Bogus fake-data library the load-test tools use. Like the library, it makes
// values in the shapes of real people's: first and family names from the usual lists, emails at
// the public mail providers, UK mobile numbers, postcodes in real outward codes, card numbers that
// pass the Luhn check. Nothing marks a value as generated.

public static class Randomizer
{
    public static Random Seed { get; set; } = new();
}

public sealed class Faker(string locale = "en_GB")
{
    public string Locale { get; } = locale;

    public NameDataset Name { get; } = new();

    public InternetDataset Internet { get; } = new();

    public PhoneDataset Phone { get; } = new();

    public AddressDataset Address { get; } = new();

    public FinanceDataset Finance { get; } = new();

    public RandomDataset Random { get; } = new();
}

public sealed class NameDataset
{
    private static readonly string[] First = ["Amira", "Oliver", "Priya", "Tom", "Grace", "Kwame", "Siobhan", "Ravi", "Ellie", "Jonah"];
    private static readonly string[] Last = ["Okafor", "Hughes", "Patel", "Murphy", "Evans", "Nowak", "Campbell", "Khan", "Walsh", "Price"];

    public string FirstName() => First[Randomizer.Seed.Next(First.Length)];

    public string LastName() => Last[Randomizer.Seed.Next(Last.Length)];

    public string FullName() => $"{FirstName()} {LastName()}";
}

public sealed class InternetDataset
{
    private static readonly string[] Providers = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "btinternet.com"];

    public string Email(string? firstName = null, string? lastName = null)
    {
        var names = new NameDataset();
        return $"{(firstName ?? names.FirstName()).ToLowerInvariant()}.{(lastName ?? names.LastName()).ToLowerInvariant()}{Randomizer.Seed.Next(100)}@{Providers[Randomizer.Seed.Next(Providers.Length)]}";
    }

    public string UserName(string? firstName = null, string? lastName = null)
    {
        var names = new NameDataset();
        return $"{firstName ?? names.FirstName()}{lastName ?? names.LastName()}{Randomizer.Seed.Next(1000)}";
    }

    public string IpAddress() => $"{Randomizer.Seed.Next(1, 224)}.{Randomizer.Seed.Next(256)}.{Randomizer.Seed.Next(256)}.{Randomizer.Seed.Next(1, 255)}";
}

public sealed class PhoneDataset
{
    public string PhoneNumber(string format = "07### ######") =>
        new(format.Select(c => c == '#' ? (char)('0' + Randomizer.Seed.Next(10)) : c).ToArray());
}

public sealed class AddressDataset
{
    private static readonly string[] Outward = ["SW1A", "M1", "B15", "LS6", "CF10", "EH8", "BS1", "NE1"];

    public string ZipCode() => $"{Outward[Randomizer.Seed.Next(Outward.Length)]} {Randomizer.Seed.Next(1, 10)}{(char)('A' + Randomizer.Seed.Next(26))}{(char)('A' + Randomizer.Seed.Next(26))}";
}

public sealed class FinanceDataset
{
    /// <summary>A 16-digit number that passes the Luhn check.</summary>
    public string CreditCardNumber()
    {
        var digits = new int[16];
        digits[0] = 4;
        for (var i = 1; i < 15; i++)
        {
            digits[i] = Randomizer.Seed.Next(10);
        }
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var d = digits[14 - i];
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        return string.Concat(digits);
    }
}

public sealed class RandomDataset
{
    public int Number(int min, int max) => Randomizer.Seed.Next(min, max + 1);

    public Guid Uuid()
    {
        var bytes = new byte[16];
        Randomizer.Seed.NextBytes(bytes);
        return new Guid(bytes);
    }

    public T ArrayElement<T>(IReadOnlyList<T> items) => items[Randomizer.Seed.Next(items.Count)];
}

/// <summary>Builds objects of <typeparamref name="T"/> from rules, as Bogus' <c>Faker&lt;T&gt;</c> does.</summary>
public sealed class Faker<T>(string locale = "en_GB")
    where T : class, new()
{
    private readonly List<Action<Faker, T>> _rules = [];

    public Faker<T> RuleFor<TProperty>(System.Linq.Expressions.Expression<Func<T, TProperty>> property, Func<Faker, TProperty> value) =>
        RuleFor(property, (f, _) => value(f));

    public Faker<T> RuleFor<TProperty>(System.Linq.Expressions.Expression<Func<T, TProperty>> property, Func<Faker, T, TProperty> value)
    {
        var member = (System.Reflection.PropertyInfo)((System.Linq.Expressions.MemberExpression)property.Body).Member;
        _rules.Add((f, target) => member.SetValue(target, value(f, target)));
        return this;
    }

    public T Generate()
    {
        var faker = new Faker(locale);
        var item = new T();
        foreach (var rule in _rules)
        {
            rule(faker, item);
        }
        return item;
    }

    public List<T> Generate(int count) => Enumerable.Range(0, count).Select(_ => Generate()).ToList();
}
