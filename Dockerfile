# Multi-stage: the SDK image builds and publishes in Release; the runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MicroneedlingPlanner.Domain/MicroneedlingPlanner.Domain.csproj src/MicroneedlingPlanner.Domain/
COPY src/MicroneedlingPlanner.Web/MicroneedlingPlanner.Web.csproj src/MicroneedlingPlanner.Web/
RUN dotnet restore src/MicroneedlingPlanner.Web/MicroneedlingPlanner.Web.csproj -p:Configuration=Release
COPY src/ src/
RUN dotnet publish src/MicroneedlingPlanner.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The data-protection keys (sign-in cookies, antiforgery) live in a volume owned by the app user.
RUN mkdir -p /home/app/.aspnet/DataProtection-Keys && chown -R app:app /home/app/.aspnet
COPY --from=build /app .
USER app
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "MicroneedlingPlanner.Web.dll"]
