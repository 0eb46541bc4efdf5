namespace Unleash
{
    /// <summary>The context a toggle is checked against; a class, as the client's is.</summary>
    public sealed class UnleashContext
    {
        public string? UserId { get; set; }

        public string? SessionId { get; set; }

        public string? RemoteAddress { get; set; }

        public string? Environment { get; set; }

        public string? AppName { get; set; }

        public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);
    }

    public sealed class Payload(string type, string value)
    {
        public string Type { get; } = type;

        public string Value { get; } = value;
    }

    /// <summary>A variant of a toggle; like the client's, a class without a <c>ToString</c> of its own.</summary>
    public sealed class Variant(string name, Payload? payload, bool isEnabled, bool featureEnabled)
    {
        public static Variant DisabledVariant { get; } = new("disabled", null, false, false);

        public string Name { get; } = name;

        public Payload? Payload { get; } = payload;

        public bool IsEnabled { get; } = isEnabled;

        public bool FeatureEnabled { get; } = featureEnabled;
    }

    public sealed record StrategyDefinition(string Name, IReadOnlyDictionary<string, string> Parameters)
    {
        public IReadOnlyList<string> Segments { get; init; } = [];
    }

    public sealed record FeatureToggle(string Name, string Type, bool Enabled, IReadOnlyList<StrategyDefinition> Strategies);

    /// <summary>What the client raises when impression data is turned on for a toggle.</summary>
    public sealed record ImpressionEvent(string EventType, string FeatureName, bool Enabled, string? Variant, UnleashContext Context);

    public interface IUnleash
    {
        bool IsEnabled(string toggleName, UnleashContext context, bool defaultSetting = false);

        Variant GetVariant(string toggleName, UnleashContext context);

        IReadOnlyCollection<FeatureToggle> Toggles { get; }

        event Action<ImpressionEvent>? ImpressionEvent;
    }

    /// <summary>The rollout normalisation the clients share: MurmurHash3 (seed 0) of "groupId:identifier", 1 to 100.</summary>
    public static class StrategyUtils
    {
        public static int GetNormalizedNumber(string identifier, string groupId, int normalizer = 100) =>
            (int)(Murmur3.Hash32(Encoding.UTF8.GetBytes(groupId + ":" + identifier), 0) % (uint)normalizer) + 1;
    }

    public static class Murmur3
    {
        public static uint Hash32(byte[] data, uint seed)
        {
            const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
            var h = seed;
            var i = 0;
            for (; i + 4 <= data.Length; i += 4)
            {
                var k = BitConverter.ToUInt32(data, i);
                k *= c1;
                k = (k << 15) | (k >> 17);
                k *= c2;
                h ^= k;
                h = (h << 13) | (h >> 19);
                h = h * 5 + 0xe6546b64;
            }
            uint tail = 0;
            for (var j = data.Length - 1; j >= i; j--)
            {
                tail = (tail << 8) | data[j];
            }
            if (data.Length > i)
            {
                tail *= c1;
                tail = (tail << 15) | (tail >> 17);
                tail *= c2;
                h ^= tail;
            }
            h ^= (uint)data.Length;
            h ^= h >> 16;
            h *= 0x85ebca6b;
            h ^= h >> 13;
            h *= 0xc2b2ae35;
            h ^= h >> 16;
            return h;
        }
    }
}

namespace Unleash.Admin
{
    /// <summary>An event from the Unleash server's event log, as its webhook addon posts it.</summary>
    public sealed record UnleashEvent(long Id, string Type, string CreatedBy, DateTimeOffset CreatedAt, string? FeatureName, string? Project, string? Environment)
    {
        public Unleash.StrategyDefinition? Data { get; init; }

        public Unleash.StrategyDefinition? PreData { get; init; }

        public IReadOnlyList<string> Tags { get; init; } = [];
    }
}
