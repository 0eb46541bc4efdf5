using System.Linq.Expressions;

namespace AutoMapper;

// AutoMapper, reduced to the members the services call. Mapping copies members by name unless a
// profile says otherwise; the stand-in only has to compile.

public interface IMapper
{
    TDestination Map<TDestination>(object source);

    TDestination Map<TSource, TDestination>(TSource source);

    TDestination Map<TSource, TDestination>(TSource source, TDestination destination);
}

public interface IMemberConfigurationExpression<TSource, TDestination, TMember>
{
    void MapFrom<TSourceMember>(Expression<Func<TSource, TSourceMember>> mapExpression);

    void Ignore();
}

public interface IMappingExpression<TSource, TDestination>
{
    IMappingExpression<TSource, TDestination> ForMember<TMember>(
        Expression<Func<TDestination, TMember>> destinationMember,
        Action<IMemberConfigurationExpression<TSource, TDestination, TMember>> memberOptions);

    IMappingExpression<TDestination, TSource> ReverseMap();
}

public abstract class Profile
{
    protected IMappingExpression<TSource, TDestination> CreateMap<TSource, TDestination>() =>
        new MappingExpression<TSource, TDestination>();

    private sealed class MappingExpression<TSource, TDestination> : IMappingExpression<TSource, TDestination>
    {
        public IMappingExpression<TSource, TDestination> ForMember<TMember>(
            Expression<Func<TDestination, TMember>> destinationMember,
            Action<IMemberConfigurationExpression<TSource, TDestination, TMember>> memberOptions) => this;

        public IMappingExpression<TDestination, TSource> ReverseMap() => new MappingExpression<TDestination, TSource>();
    }
}
