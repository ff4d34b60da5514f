# Build and run the API. Used by docker-compose.yml (not buildable on machines without a Docker engine).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/NakamuraMisaki.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
# The app probes itself: the aspnet image has no wget or curl. Exit 0 when /health/ready answers 2xx.
HEALTHCHECK --interval=10s --timeout=5s --retries=5 CMD ["dotnet", "NakamuraMisaki.Api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "NakamuraMisaki.Api.dll"]
